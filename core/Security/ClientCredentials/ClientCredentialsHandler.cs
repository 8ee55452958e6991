using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Resilience;

namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>
/// The <c>auth/client-credentials</c> layer of a backend's client: every call carries
/// <c>Authorization: &lt;type&gt; &lt;token&gt;</c> (replacing any forwarded one) with the backend definition's token.
/// When the token endpoint gives no token, the backend is not called and fails with the reason.
/// </summary>
internal sealed class ClientCredentialsHandler(ClientCredentialsTokenSource tokens) : DelegatingHandler
{
    /// <summary>The layer of <paramref name="backend"/>; its token source asks through <paramref name="pool"/>.</summary>
    public static ClientCredentialsHandler Create(BackendConfig backend, ClientCredentialsOptions options, HttpMessageInvoker pool, BackendStates states) =>
        new(states.For(backend, b => new ClientCredentialsTokenSource(
            new TokenEndpointClient(options, pool, states.Time),
            options.TokenUrl,
            b.Timeout,
            states.Time,
            states.Loggers.CreateLogger<ClientCredentialsHandler>())));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AccessToken token;
        try
        {
            token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TokenEndpointException exception)
        {
            // The pipe turns a failed request into the backend's error, with this text.
            throw new HttpRequestException(exception.Message, exception);
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", token.Type + " " + token.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

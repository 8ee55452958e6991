using Switchyard.Core.Configuration;
using Switchyard.Core.Modifiers.Martian;
using Switchyard.Core.Resilience;
using Switchyard.Core.Resilience.HttpCache;
using Switchyard.Core.Security.ClientCredentials;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// The HTTP client of one backend: the layers KrakenD puts inside its HTTP client, outermost first, over the
/// connection pool every backend shares:
/// <code>
/// modifier/martian (request scope on the way out, response scope on the way back) → qos/http-cache
///   → auth/client-credentials → the shared connection pool
/// </code>
/// So martian's request changes are made before the cache computes its key, and the OAuth2 token is no part of it.
/// A backend with none of these namespaces calls the shared client itself.
/// </summary>
internal static class BackendClient
{
    public static HttpMessageInvoker Create(BackendConfig backend, HttpMessageInvoker shared, BackendStates states)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(states);
        List<DelegatingHandler> layers = [];
        if (backend.Martian is { } martian)
        {
            layers.Add(new MartianHandler(martian));
        }

        if (backend.HttpCache is { } cache)
        {
            layers.Add(HttpCacheHandler.Create(backend, cache, states));
        }

        if (backend.ClientCredentials is { IsDisabled: false } credentials)
        {
            layers.Add(ClientCredentialsHandler.Create(backend, credentials, shared, states));
        }

        if (layers.Count == 0)
        {
            return shared;
        }

        HttpMessageHandler inner = new SharedClientHandler(shared);
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            layers[i].InnerHandler = inner;
            inner = layers[i];
        }

        return new HttpMessageInvoker(inner, disposeHandler: false);
    }

    // The innermost handler: hands the request to the shared client, which this backend does not own.
    private sealed class SharedClientHandler(HttpMessageInvoker shared) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            shared.SendAsync(request, cancellationToken);
    }
}

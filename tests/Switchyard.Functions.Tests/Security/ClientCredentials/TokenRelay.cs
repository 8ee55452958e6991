using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security.ClientCredentials;

/// <summary>One token request as the relay saw it: which relay path, and how the client authenticated.</summary>
/// <param name="Path">The relay path (one per backend under test).</param>
/// <param name="Basic">True when the client sent HTTP Basic credentials.</param>
/// <param name="Form">The form body as sent.</param>
/// <param name="Status">What the authorization server answered.</param>
internal sealed record TokenCall(string Path, bool Basic, string Form, int Status);

/// <summary>
/// A loopback HTTP server in front of the real authorization server's token endpoint that passes every request on as
/// it is and records it, so tests count the token requests the gateway makes for each backend (one relay path each).
/// Paths under <c>/post-only/</c> play a server that accepts client credentials only in the form body: they answer
/// HTTP Basic with 401 <c>invalid_client</c> themselves (oidc-provider accepts both styles from every client). Paths
/// under <c>/slow-refusal/</c> play a slow server that refuses every client: 401 after <see cref="SlowRefusal"/>.
/// </summary>
internal sealed class TokenRelay : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly HttpClient _upstream;

    private TokenRelay(LoopbackServer server, HttpClient upstream, ConcurrentQueue<TokenCall> calls)
    {
        _server = server;
        _upstream = upstream;
        Calls = calls;
    }

    /// <summary>
    /// How long the <c>/slow-refusal/</c> paths take to refuse: long enough for concurrent requests to wait on the one
    /// renewal, short enough that its two tries (Basic, then the body) end well inside the endpoint's 2 s timeout.
    /// </summary>
    public static readonly TimeSpan SlowRefusal = TimeSpan.FromMilliseconds(500);

    public ConcurrentQueue<TokenCall> Calls { get; }

    public static async Task<TokenRelay> StartAsync(OidcProviderServer provider)
    {
        var calls = new ConcurrentQueue<TokenCall>();
        var upstream = new HttpClient(CustomRootTrust.Handler(provider.CaCertificate!));
        var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var form = await reader.ReadToEndAsync(context.RequestAborted);
            using var request = new HttpRequestMessage(HttpMethod.Post, provider.TokenEndpoint)
            {
                Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            var authorization = context.Request.Headers.Authorization.ToString();
            var basic = authorization.StartsWith("Basic ", StringComparison.Ordinal);
            if (context.Request.Path.StartsWithSegments("/slow-refusal", StringComparison.Ordinal))
            {
                await Task.Delay(SlowRefusal, context.RequestAborted);
                calls.Enqueue(new TokenCall(context.Request.Path.Value!, basic, form, StatusCodes.Status401Unauthorized));
                await TestBackend.Json(context, """{"error": "invalid_client"}""", StatusCodes.Status401Unauthorized);
                return;
            }

            if (basic && context.Request.Path.StartsWithSegments("/post-only", StringComparison.Ordinal))
            {
                calls.Enqueue(new TokenCall(context.Request.Path.Value!, basic, form, StatusCodes.Status401Unauthorized));
                await TestBackend.Json(context, """{"error": "invalid_client"}""", StatusCodes.Status401Unauthorized);
                return;
            }

            if (authorization.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await upstream.SendAsync(request, context.RequestAborted);
            calls.Enqueue(new TokenCall(context.Request.Path.Value!, basic, form, (int)response.StatusCode));
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
        });
        return new TokenRelay(server, upstream, calls);
    }

    /// <summary>The token URL of relay path <paramref name="name"/>.</summary>
    public string Url(string name) => new Uri(_server.BaseAddress, name).ToString();

    /// <summary>The token requests made through relay path <paramref name="name"/>.</summary>
    public TokenCall[] At(string name) => [.. Calls.Where(call => call.Path == "/" + name)];

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _upstream.Dispose();
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Testing;

/// <summary>
/// A real JWKS endpoint on a loopback port that counts its downloads: tests change the keys it publishes (rotation),
/// its content type, or take it down (503), and watch how often a gateway downloads. <see cref="Url"/> is the
/// <c>jwk_url</c>; the server is plain HTTP, so configurations set <c>disable_jwk_security</c>.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private int _downloads;
    private volatile string _document;

    private JwksServer(LoopbackServer server, string document)
    {
        _server = server;
        _document = document;
    }

    /// <summary>The JWKS URL: <c>http://127.0.0.1:PORT/jwks</c>.</summary>
    public Uri Url => new(_server.BaseAddress, "jwks");

    /// <summary>How many times the set was requested (whatever was answered).</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    /// <summary>The <c>Content-Type</c> of the answers. <value>The default value is <c>application/json</c>.</value></summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>True: every request is answered 503 (the provider is down).</summary>
    public bool IsDown { get; set; }

    /// <summary>Something to await before answering (a slow provider); null answers at once.</summary>
    public Func<Task>? BeforeAnswer { get; set; }

    /// <summary>Starts a server publishing <paramref name="keys"/> (public JWKs).</summary>
    public static async Task<JwksServer> StartAsync(params JsonObject[] keys)
    {
        JwksServer? jwks = null;
        var server = await LoopbackServer.StartAsync(context => jwks!.AnswerAsync(context)).ConfigureAwait(false);
        jwks = new JwksServer(server, Document(keys));
        return jwks;
    }

    /// <summary>Publishes <paramref name="keys"/> from now on.</summary>
    public void Publish(params JsonObject[] keys) => _document = Document(keys);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Document(JsonObject[] keys) =>
        new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => key.DeepClone())]) }.ToJsonString();

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _downloads);
        if (BeforeAnswer is { } wait)
        {
            await wait().ConfigureAwait(false);
        }

        if (IsDown)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(_document, context.RequestAborted).ConfigureAwait(false);
    }
}

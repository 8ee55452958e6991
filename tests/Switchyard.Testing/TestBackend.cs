using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Testing;

/// <summary>What a <see cref="TestBackend"/> received.</summary>
/// <param name="Method">The request method.</param>
/// <param name="Target">The raw request target (path and query), as sent on the wire.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The request body as text.</param>
public sealed record ReceivedRequest(string Method, string Target, IHeaderDictionary Headers, string Body);

/// <summary>
/// A real backend on a loopback port that records every request it receives and answers with a handler
/// (by default 200 <c>{}</c>). Start it with <see cref="StartAsync"/>; <see cref="Host"/> goes into a configuration.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private TestBackend(LoopbackServer server, ConcurrentQueue<ReceivedRequest> received)
    {
        _server = server;
        Received = received;
    }

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<ReceivedRequest> Received { get; }

    /// <summary>The backend's host for a configuration: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Host => _server.BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>Starts a backend that records the request, then runs <paramref name="respond"/>.</summary>
    public static async Task<TestBackend> StartAsync(Func<HttpContext, Task>? respond = null)
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        respond ??= context => Json(context, "{}");
        var server = await LoopbackServer.StartAsync(async context =>
        {
            var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>();
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            received.Enqueue(new ReceivedRequest(context.Request.Method, feature?.RawTarget ?? "", new HeaderDictionary(context.Request.Headers.ToDictionary()), body));
            await respond(context);
        });
        return new TestBackend(server, received);
    }

    /// <summary>A backend that always answers <paramref name="status"/> with the JSON <paramref name="body"/>.</summary>
    public static Task<TestBackend> StartAsync(string body, int status = 200, TimeSpan delay = default) =>
        StartAsync(async context =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            await Json(context, body, status);
        });

    /// <summary>Writes a JSON answer.</summary>
    public static Task Json(HttpContext context, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Resilience.HttpCache;

/// <summary>
/// A real loopback backend that counts the calls to each path and answers with <see cref="Respond"/>, its <c>Date</c>
/// read from the test's clock, and the clients of backends declared against it, built by the real
/// <see cref="BackendClient"/> over the real connection pool.
/// </summary>
internal sealed class CacheBackend : IAsyncDisposable
{
    private static readonly HttpMessageInvoker Pool = BackendHttpClient.Create();

    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    private CacheBackend(LoopbackServer server, ManualTimeProvider clock)
    {
        _server = server;
        Clock = clock;
        States = new BackendStates(clock);
    }

    public ManualTimeProvider Clock { get; }

    /// <summary>Where the backend listens.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    public BackendStates States { get; }

    /// <summary>What each call answers; by default 200 with the path as body and <c>max-age=60</c>.</summary>
    public Func<HttpContext, Task> Respond { get; set; } = context => Answer(context, "max-age=60", context.Request.Path.Value!);

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<IHeaderDictionary> Received { get; } = new();

    public static async Task<CacheBackend> StartAsync()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        CacheBackend? backend = null;
        var server = await LoopbackServer.StartAsync(async context =>
        {
            backend!._calls.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
            backend.Received.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary()));
            context.Response.Headers.Date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
            await backend.Respond(context);
        });
        backend = new CacheBackend(server, clock);
        return backend;
    }

    /// <summary>The calls that reached <paramref name="path"/>.</summary>
    public int Calls(string path) => _calls.GetValueOrDefault(path);

    /// <summary>Writes <paramref name="body"/> with <c>Cache-Control: <paramref name="cacheControl"/></c> (none when null).</summary>
    public static Task Answer(HttpContext context, string? cacheControl, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        if (cacheControl is not null)
        {
            context.Response.Headers.CacheControl = cacheControl;
        }

        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// The clients of the backends (at <paramref name="urlPattern"/>) of every endpoint of a configuration whose backends
    /// carry <paramref name="cache"/> (JSON).
    /// </summary>
    public HttpMessageInvoker[] Clients(string cache, int endpoints = 1, string urlPattern = "/x")
    {
        var host = BaseAddress.GetLeftPart(UriPartial.Authority);
        var endpointList = Enumerable.Range(0, endpoints).Select(i => $$$"""
            {"endpoint": "/e{{{i}}}", "backend": [{"host": ["{{{host}}}"], "url_pattern": "{{{urlPattern}}}", "extra_config": {"qos/http-cache": {{{cache}}}}}]}
            """);
        var config = ConfigLoader.Parse($$"""{"version": 3, "endpoints": [{{string.Join(",", endpointList)}}]}""");
        config.Errors.Should().BeEmpty();
        return [.. config.Config!.Endpoints.Select(endpoint => BackendClient.Create(endpoint.Backends[0], Pool, States))];
    }

    /// <summary>A GET of <paramref name="path"/> through <paramref name="client"/>: status, body and the response.</summary>
    public async Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(
        HttpMessageInvoker client, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request, CancellationToken.None);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Security;
using Switchyard.Functions.Routing;

namespace Switchyard.Benchmarks;

/// <summary>
/// What the rate limits add per request: one endpoint with one backend, as it is and with <c>qos/ratelimit/router</c>
/// (endpoint and per-client-address buckets) and <c>qos/ratelimit/proxy</c> on its backend, rates high enough that
/// nothing is refused. The rest of the request (route, read, backend call in memory, decode, encode) is the same.
/// </summary>
[MemoryDiagnoser]
public class RateLimitBenchmarks
{
    private const string Limits = """
        "extra_config": {"qos/ratelimit/router": {"max_rate": 1e12, "client_max_rate": 1e12, "strategy": "ip"}},
        "backend": [{"url_pattern": "/users/{id}", "extra_config": {"qos/ratelimit/proxy": {"max_rate": 1e12}}}]
        """;

    private readonly DefaultHttpContext _context = new();
    private GatewayDispatcher _dispatcher = null!;

    [Params(false, true)]
    public bool Limited { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = Limited ? Limits : """ "backend": [{"url_pattern": "/users/{id}"}] """;
        var result = ConfigLoader.Parse($$"""{"version": 3, "host": ["http://backend.test"], "endpoints": [{"endpoint": "/users/{id}", {{endpoint}} }]}""");
        var config = result.Config ?? throw new InvalidOperationException(string.Join('\n', result.Errors));
        var bodies = new Dictionary<string, string> { ["/users/42"] = """{"id":42,"name":"ana"}""" };
        var factory = new ProxyFactory(new HttpMessageInvoker(new CannedBackends(bodies)), DecoderRegistry.Default);
        var keys = new JwkSources(TimeProvider.System, JwtLogBridge.For(NullLogger.Instance), GatewayIdentity.UserAgent);
        var handlers = new EndpointHandlerFactory(config, factory, EncoderRegistry.Default, keys, TimeProvider.System, durable: null, NullLogger.Instance);
        var entries = config.Endpoints.Select(e => new RouteEntry<GatewayRoute>(e.Method, e.Endpoint, new GatewayRoute(handlers.Create(e))));
        _dispatcher = new GatewayDispatcher(new RouteTable<GatewayRoute>(entries));

        var request = _context.Request;
        request.Method = "GET";
        request.Scheme = "http";
        request.Host = new HostString("gateway.test");
        request.Path = "/users/42";
        _context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        _context.Response.Body = Stream.Null;
    }

    [Benchmark(Description = "one endpoint, one backend")]
    public async Task<int> Request()
    {
        var response = _context.Response;
        response.Headers.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        await _dispatcher.DispatchAsync(_context).ConfigureAwait(false);
        return response.StatusCode;
    }
}

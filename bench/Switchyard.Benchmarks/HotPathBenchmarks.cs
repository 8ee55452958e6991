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
/// The gateway's whole per-request work for an aggregation of three backends, sockets aside: routing among the
/// configuration's endpoints, reading the client request, building the three backend requests, decoding and merging
/// the three parts into groups, and encoding the JSON answer. Backends answer in memory; the client context is reused
/// between requests as Kestrel reuses it on a keep-alive connection.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private const string Host = "http://backend.test";

    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["/users/42"] = """{"id":42,"name":"ana","roles":["admin","dev"]}""",
        ["/accounts/42"] = """{"account":"acc-9","currency":"EUR","balance":10.5}""",
        ["/orders"] = """{"count":3,"last":"2026-11-22T10:00:00Z"}""",
    };

    private readonly DefaultHttpContext _context = new();
    private GatewayDispatcher _dispatcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = Load(Configuration());
        var factory = new ProxyFactory(new HttpMessageInvoker(new CannedBackends(Bodies)), DecoderRegistry.Default);
        var keys = new JwkSources(TimeProvider.System, JwtLogBridge.For(NullLogger.Instance), GatewayIdentity.UserAgent);
        var handlers = new EndpointHandlerFactory(config, factory, EncoderRegistry.Default, keys, TimeProvider.System, durable: null, NullLogger.Instance);
        var entries = config.Endpoints.Select(endpoint =>
            new RouteEntry<GatewayRoute>(endpoint.Method, endpoint.Endpoint, new GatewayRoute(handlers.Create(endpoint))));
        _dispatcher = new GatewayDispatcher(new RouteTable<GatewayRoute>(entries));

        var request = _context.Request;
        request.Method = "GET";
        request.Scheme = "http";
        request.Host = new HostString("gateway.test");
        request.Path = "/dashboard/42";
        request.Headers.UserAgent = "bench";
        request.Headers.Accept = "application/json";
        _context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        _context.Response.Body = Stream.Null;
    }

    [Benchmark(Description = "aggregation of 3: route, read, 3 backend requests, decode, merge, encode")]
    public async Task<int> AggregationOfThree()
    {
        var response = _context.Response;
        response.Headers.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        await _dispatcher.DispatchAsync(_context).ConfigureAwait(false);
        return response.StatusCode;
    }

    // Twenty endpoints so the route lookup walks a realistic tree, with the measured one among them.
    private static string Configuration()
    {
        var others = string.Join(",", Enumerable.Range(0, 19).Select(i =>
            $$"""{"endpoint": "/service{{i}}/{id}/items", "backend": [{"url_pattern": "/users/{id}"}]}"""));
        return $$"""
            {"version": 3, "host": ["{{Host}}"], "endpoints": [{{others}},
              {"endpoint": "/dashboard/{id}", "backend": [
                {"url_pattern": "/users/{id}", "group": "user"},
                {"url_pattern": "/accounts/{id}", "group": "account"},
                {"url_pattern": "/orders", "group": "orders"}]}]}
            """;
    }

    private static ServiceConfig Load(string json)
    {
        var result = ConfigLoader.Parse(json);
        return result.Config ?? throw new InvalidOperationException(string.Join('\n', result.Errors));
    }
}

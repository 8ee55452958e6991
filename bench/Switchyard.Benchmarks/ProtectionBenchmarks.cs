using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Hosting;

namespace Switchyard.Benchmarks;

/// <summary>
/// What the traffic protections add per request: one endpoint with one backend, as it is; with the rate limits alone
/// (<c>qos/ratelimit/router</c> with an endpoint and a per-client-address bucket, <c>qos/ratelimit/proxy</c> on the
/// backend); and with the rate limits, a circuit breaker and an HTTP cache that misses (the backend's answer carries no
/// freshness, so every request is looked up, called and not stored). Rates are high enough that nothing is refused and
/// the backend never fails. The rest of the request (route, read, backend call in memory, decode, encode) is the same.
/// </summary>
[MemoryDiagnoser]
public class ProtectionBenchmarks
{
    public enum Layers
    {
        None,
        RateLimits,
        RateLimitsBreakerCacheMiss,
    }

    private const string RateLimits = """
        "extra_config": {"qos/ratelimit/router": {"max_rate": 1e12, "client_max_rate": 1e12, "strategy": "ip"}},
        "backend": [{"url_pattern": "/users/{id}", "extra_config": {"qos/ratelimit/proxy": {"max_rate": 1e12}}}]
        """;

    private const string AllLayers = """
        "extra_config": {"qos/ratelimit/router": {"max_rate": 1e12, "client_max_rate": 1e12, "strategy": "ip"}},
        "backend": [{"url_pattern": "/users/{id}", "extra_config": {
          "qos/ratelimit/proxy": {"max_rate": 1e12},
          "qos/circuit-breaker": {"interval": 60, "timeout": 10, "max_errors": 5},
          "qos/http-cache": {"max_items": 1000, "max_size": 1048576}}}]
        """;

    private DefaultHttpContext _context = null!;
    private GatewayDispatcher _dispatcher = null!;

    [Params(Layers.None, Layers.RateLimits, Layers.RateLimitsBreakerCacheMiss)]
    public Layers Protection { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = Protection switch
        {
            Layers.RateLimits => RateLimits,
            Layers.RateLimitsBreakerCacheMiss => AllLayers,
            _ => """ "backend": [{"url_pattern": "/users/{id}"}] """,
        };
        _dispatcher = InMemoryGateway.Dispatcher(
            $$"""{"version": 3, "host": ["http://backend.test"], "endpoints": [{"endpoint": "/users/{id}", {{endpoint}} }]}""",
            new Dictionary<string, string> { ["/users/42"] = """{"id":42,"name":"ana"}""" });
        _context = InMemoryGateway.Request("/users/42");
    }

    [Benchmark(Description = "one endpoint, one backend")]
    public Task<int> Request() => InMemoryGateway.SendAsync(_dispatcher, _context);
}

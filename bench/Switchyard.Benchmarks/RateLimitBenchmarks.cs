using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Hosting;

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

    private DefaultHttpContext _context = null!;
    private GatewayDispatcher _dispatcher = null!;

    [Params(false, true)]
    public bool Limited { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = Limited ? Limits : """ "backend": [{"url_pattern": "/users/{id}"}] """;
        _dispatcher = InMemoryGateway.Dispatcher(
            $$"""{"version": 3, "host": ["http://backend.test"], "endpoints": [{"endpoint": "/users/{id}", {{endpoint}} }]}""",
            new Dictionary<string, string> { ["/users/42"] = """{"id":42,"name":"ana"}""" });
        _context = InMemoryGateway.Request("/users/42");
    }

    [Benchmark(Description = "one endpoint, one backend")]
    public Task<int> Request() => InMemoryGateway.SendAsync(_dispatcher, _context);
}

using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Hosting;

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

    private DefaultHttpContext _context = null!;
    private GatewayDispatcher _dispatcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dispatcher = InMemoryGateway.Dispatcher(Configuration(), Bodies);
        _context = InMemoryGateway.Request("/dashboard/42");
        _context.Request.Headers.UserAgent = "bench";
        _context.Request.Headers.Accept = "application/json";
    }

    [Benchmark(Description = "aggregation of 3: route, read, 3 backend requests, decode, merge, encode")]
    public Task<int> AggregationOfThree() => InMemoryGateway.SendAsync(_dispatcher, _context);

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
}

using BenchmarkDotNet.Attributes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;

namespace Switchyard.Benchmarks;

/// <summary>
/// The per-request cost of a three-level workflow (a sequential chain holding a parallel fan-out holding a sequential
/// chain) against the same four backends called by one flat endpoint, both compiled by the real factory.
/// </summary>
[MemoryDiagnoser]
public class WorkflowBenchmarks
{
    private const string Host = "http://backend.test";

    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["/users/42"] = """{"user":{"id":7,"name":"ana","roles":["admin","dev"]}}""",
        ["/audit"] = """{"audited":true,"at":"2026-11-22T10:00:00Z"}""",
        ["/accounts/42/7"] = """{"account":"acc-9","currency":"EUR"}""",
        ["/ledger/acc-9"] = """{"balance":10.50,"entries":[1,2,3]}""",
    };

    private static readonly string Flat = $$"""
        {"version": 3, "host": ["{{Host}}"], "endpoints": [{"endpoint": "/profile/{id}", "backend": [
          {"url_pattern": "/users/{id}", "group": "profile"},
          {"url_pattern": "/audit", "group": "audit"},
          {"url_pattern": "/accounts/{id}/7", "group": "account"},
          {"url_pattern": "/ledger/acc-9", "group": "ledger"}]}]}
        """;

    private static readonly string ThreeLevels = $$"""
        {"version": 3, "host": ["{{Host}}"], "endpoints": [{"endpoint": "/profile/{id}",
          "extra_config": {"proxy": {"sequential": true} },
          "backend": [
            {"url_pattern": "/users/{id}", "group": "profile"},
            {"url_pattern": "/__workflow/{id}/{resp0_profile.user.id}", "group": "level2",
             "extra_config": {"workflow": {"endpoint": "/level2/{id}/{resp0_profile.user.id}", "backend": [
               {"url_pattern": "/audit", "group": "audit"},
               {"url_pattern": "/__workflow/{id}/{resp0_profile.user.id}", "group": "level3",
                "extra_config": {"workflow": {"endpoint": "/level3/{id}/{resp0_profile.user.id}",
                  "extra_config": {"proxy": {"sequential": true} },
                  "backend": [
                    {"url_pattern": "/accounts/{id}/{resp0_profile.user.id}"},
                    {"url_pattern": "/ledger/{resp0_account}"}]} } }]} } }]}]}
        """;

    private readonly ProxyRequest _request = new()
    {
        Method = "GET",
        Path = "/profile/42",
        Params = new Dictionary<string, string> { ["Id"] = "42" },
        Headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = ["bench"] },
    };

    private Proxy _flat = null!;
    private Proxy _threeLevels = null!;

    [GlobalSetup]
    public void Setup()
    {
        var factory = new ProxyFactory(new HttpMessageInvoker(new CannedBackends(Bodies)), DecoderRegistry.Default);
        _flat = factory.CreateEndpoint(Load(Flat));
        _threeLevels = factory.CreateEndpoint(Load(ThreeLevels));
    }

    [Benchmark(Baseline = true, Description = "flat endpoint, 4 backends")]
    public async Task<int> FlatEndpoint() => (await _flat(_request, default).ConfigureAwait(false)).Data!.Count;

    [Benchmark(Description = "3-level workflow, same 4 backends")]
    public async Task<int> ThreeLevelWorkflow() => (await _threeLevels(_request, default).ConfigureAwait(false)).Data!.Count;

    private static EndpointConfig Load(string json)
    {
        var result = ConfigLoader.Parse(json);
        if (result.Config is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Errors));
        }

        return result.Config.Endpoints[0];
    }
}

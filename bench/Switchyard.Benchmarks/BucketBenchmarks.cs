using BenchmarkDotNet.Attributes;
using Switchyard.Core.Resilience.RateLimit;

namespace Switchyard.Benchmarks;

/// <summary>
/// The rate limits' own work per request, apart from the rest of the request: a token from an endpoint's (or a
/// backend's) bucket, and a token from a client's bucket found among 10 000 stored clients. Rates are high enough that
/// nothing is refused. Less sensitive to a busy machine than <see cref="ProtectionBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class BucketBenchmarks
{
    private readonly BucketLimiter _bucket = new(1e12, TimeSpan.FromSeconds(1), 1_000_000, TimeProvider.System);
    private ClientBuckets _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ClientBuckets(new RouterRateLimitOptions { ClientMaxRate = 1e12, ClientCapacity = 1_000_000 }, TimeProvider.System);
        for (var i = 0; i < 10_000; i++)
        {
            _clients.TryTake("10.0." + (i / 256) + "." + (i % 256));
        }
    }

    [Benchmark(Description = "endpoint or backend bucket: one token")]
    public bool Bucket() => _bucket.TryTake();

    [Benchmark(Description = "client bucket among 10 000: one token")]
    public bool Client() => _clients.TryTake("10.0.12.34");
}

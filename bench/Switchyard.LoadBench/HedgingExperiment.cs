namespace Switchyard.LoadBench;

/// <summary>
/// Hedged calls against the heavy-tail backend (90% 5 ms, 9% 50 ms, 1% 500 ms), in one run: the backend's own p90 and
/// p95 measured directly first, then one gateway serving one call, three calls at once, and three hedged calls with
/// each of those delays, recorded one after the other with the backend load of each.
/// </summary>
internal static class HedgingExperiment
{
    public static async Task<HedgingResults> RunAsync(BenchOptions options, BenchServers servers, CancellationToken cancellationToken)
    {
        var connections = options.ConcurrentCallsConnections;
        await servers.StartBackendsAsync(cancellationToken);
        var slow = new Uri(servers.HeavyTailUrl, "/slow");
        await WrkRun.RunAsync(slow, connections, options.Warmup, LatencyKind.PerRequest, cancellationToken);
        var backend = await WrkRun.RunAsync(slow, connections, options.BackendProbeDuration, LatencyKind.PerRequest, cancellationToken);
        var p90 = TimeSpan.FromMilliseconds(backend.LatencyMs(90));
        var p95 = TimeSpan.FromMilliseconds(backend.LatencyMs(95));
        Console.WriteLine($"heavy-tail backend alone: p50 {backend.LatencyMs(50):F2} ms  p90 {p90.TotalMilliseconds:F2} ms  p95 {p95.TotalMilliseconds:F2} ms  p99 {backend.LatencyMs(99):F2} ms");

        var variants = HedgingVariant.All(p90, p95);
        await servers.StartGatewayAsync(options.Gateway, GatewayConfig.HedgingJson(servers.HeavyTailUrl.Port, variants), cancellationToken);
        await WrkRun.WarmUpAsync(servers.GatewayUrl, [.. variants.Select(v => v.Path)], connections, options.JitWarmup, cancellationToken);

        var runs = new List<HedgingRun>(variants.Count);
        foreach (var variant in variants)
        {
            var run = await HeavyTailRun.RecordAsync(new Uri(servers.GatewayUrl, variant.Path), servers.HeavyTailUrl, options, cancellationToken);
            Console.WriteLine(run.Summary(variant.Name));
            runs.Add(new HedgingRun(variant, run));
        }

        return new HedgingResults(backend, runs);
    }

    /// <summary>The curves of the runs: <c>variant,percentile,latency_ms</c>, the variant by its name.</summary>
    public static Task WriteCdfAsync(string path, HedgingResults results) =>
        HeavyTailRun.WriteCdfAsync(path, "variant", results.Runs.Select(run => (run.Variant.Name, run.Run)));
}

/// <summary>The experiment's figures.</summary>
/// <param name="Backend">The heavy-tail backend measured directly, whose p90 and p95 are the delays.</param>
internal sealed record HedgingResults(WrkResult Backend, IReadOnlyList<HedgingRun> Runs);

/// <summary>One recorded endpoint of the experiment.</summary>
internal sealed record HedgingRun(HedgingVariant Variant, HeavyTailRun Run);

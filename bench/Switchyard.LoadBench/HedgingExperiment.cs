namespace Switchyard.LoadBench;

/// <summary>
/// Hedged calls against the heavy-tail backend (90% 5 ms, 9% 50 ms, 1% 500 ms), in one run: the backend's own p90 and
/// p95 measured directly first, then one gateway serving one call, three calls at once, and three hedged calls with
/// each of those delays, recorded in interleaved slices with the backend load of each.
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

        // Interleaved slices, so a machine whose load changes during the run (other work on shared cores) weighs on
        // every endpoint alike instead of on whichever ran at the time.
        var slices = variants.ToDictionary(variant => variant, _ => new List<HeavyTailRun>());
        var slice = options.ConcurrentCallsDuration / options.HedgingRounds;
        for (var round = 0; round < options.HedgingRounds; round++)
        {
            foreach (var variant in variants)
            {
                slices[variant].Add(await HeavyTailRun.RecordAsync(
                    new Uri(servers.GatewayUrl, variant.Path), servers.HeavyTailUrl, options, slice, cancellationToken));
            }
        }

        var runs = variants.Select(variant => new HedgingRun(variant, HeavyTailRun.Merge(slices[variant]))).ToList();
        foreach (var run in runs)
        {
            Console.WriteLine(run.Run.Summary(run.Variant.Name));
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

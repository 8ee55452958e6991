using System.Globalization;
using System.Text;

namespace Switchyard.LoadBench;

/// <summary>The hedging experiment as <c>bench/results/hedging.md</c>: the figures and what they say.</summary>
internal sealed record HedgingReport
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public required BenchOptions Options { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary><c>/proc/loadavg</c> before the first server started and after the last run.</summary>
    public required string LoadAverageBefore { get; init; }

    public required string LoadAverageAfter { get; init; }

    public required HedgingResults Results { get; init; }

    public string ToMarkdown()
    {
        var backend = Results.Backend;
        var runs = Results.Runs;
        var one = runs.Single(r => r.Variant.Name == "one-call").Run;
        var all = runs.Single(r => r.Variant.Name == "all-at-once").Run;
        var seconds = BenchOptions.Seconds(Options.ConcurrentCallsDuration);
        var connections = Options.ConcurrentCallsConnections;

        var text = new StringBuilder();
        text.AppendLine("# Hedged calls against a heavy-tail backend");
        text.AppendLine();
        text.AppendLine(Options.RunLine(Date));
        text.AppendLine();
        text.Append(MachineInfo.Block($"before the run: {LoadAverageBefore}; after: {LoadAverageAfter}", reverseProxies: false));
        text.AppendLine();
        text.AppendLine("The heavy-tail backend's `/slow` waits 5 ms (90%), 50 ms (9%) or 500 ms (1%), drawn from a seeded random");
        text.AppendLine("source. Its p90 and p95, the hedge delays, were measured in this run by calling it directly");
        text.AppendLine(Culture, $"(`wrk -t{connections} -c{connections} -d{BenchOptions.Seconds(Options.BackendProbeDuration)}s`, every request's own time):");
        text.AppendLine();
        text.AppendLine("| backend alone | p50 ms | p90 ms | p95 ms | p99 ms | p99.9 ms |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|");
        text.AppendLine(Culture, $"| `/slow` | {backend.LatencyMs(50):F2} | {backend.LatencyMs(90):F2} | {backend.LatencyMs(95):F2} | {backend.LatencyMs(99):F2} | {backend.LatencyMs(99.9):F2} |");
        text.AppendLine();
        text.AppendLine("From the distribution alone the p90 is 5 ms and the p95 50 ms, each exactly on a mode; measured, they add the");
        text.AppendLine("loopback round trip, the timer's resolution and whatever else the machine is doing, which the gateway's calls see too.");
        text.AppendLine();
        text.AppendLine(Culture, $"One gateway (the Release `switchyard`, `timeout` 10s) serves the four endpoints below on that backend. Each is recorded");
        text.AppendLine(Culture, $"for {seconds} s with `wrk -t{connections} -c{connections}` (few connections, so the backend is never CPU bound), in {Options.HedgingRounds} slices");
        text.AppendLine("taken in turns with the other endpoints' (a change in the machine's load weighs on all four alike), each slice after an");
        text.AppendLine(Culture, $"unrecorded {BenchOptions.Seconds(Options.Warmup)} s warm-up, all of them after {BenchOptions.Seconds(Options.JitWarmup)} s on every endpoint for tiered compilation. Latencies are every");
        text.AppendLine("request's own. Backend load = requests the backend received during the run ÷ requests completed.");
        text.AppendLine();
        text.AppendLine("| endpoint | delay | rps | p50 ms | p90 ms | p99 ms | p99.9 ms | backend load | p99 vs 1 call | errors |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var (variant, run) in runs)
        {
            var wrk = run.Wrk;
            var delay = variant.Delay is { } value ? $"{value.TotalMilliseconds:F2} ms" : "—";
            var reduction = run == one ? "—" : $"{Reduction(one, run, 99) * 100:F0}% lower";
            text.AppendLine(Culture, $"| {variant.Description} | {delay} | {wrk.RequestsPerSecond:F0} | {wrk.LatencyMs(50):F2} | {wrk.LatencyMs(90):F2} | {wrk.LatencyMs(99):F2} | {wrk.LatencyMs(99.9):F2} | ×{run.LoadMultiplier:F2} | {reduction} | {run.Problem ?? wrk.Errors} |");
        }

        text.AppendLine();
        text.AppendLine("![Latency of one call, three at once and three hedged: fraction of requests slower than x](hedging-cdf.png)");
        text.AppendLine();
        text.AppendLine("Points: [hedging-cdf.csv](hedging-cdf.csv).");
        text.AppendLine();
        text.AppendLine("## Reading");
        text.AppendLine();
        text.AppendLine(Culture, $"Three calls at once cut p99 by {Reduction(one, all, 99) * 100:F0}% and p99.9 by {Reduction(one, all, 99.9) * 100:F0}% for {Extra(all) * 100:F0}% more backend calls.");
        foreach (var (variant, run) in runs.Where(r => r.Variant.Delay is not null))
        {
            text.AppendLine(Culture, $"Hedged with delay = {variant.Description[^3..]} ({variant.Delay!.Value.TotalMilliseconds:F2} ms): p99 {Reduction(one, run, 99) * 100:F0}% and p99.9 {Reduction(one, run, 99.9) * 100:F0}% lower "
                + $"({Share(one, all, run, 99) * 100:F0}% and {Share(one, all, run, 99.9) * 100:F0}% of the cuts of all at once) for {Extra(run) * 100:F0}% more backend calls ({Extra(run) / Extra(all) * 100:F0}% of the extra load of all at once).");
        }

        return text.ToString();
    }

    private static double Reduction(HeavyTailRun baseline, HeavyTailRun run, double percentile) =>
        1 - (run.Wrk.LatencyMs(percentile) / baseline.Wrk.LatencyMs(percentile));

    private static double Extra(HeavyTailRun run) => run.LoadMultiplier - 1;

    // How much of the all-at-once run's cut at this percentile the run achieved.
    private static double Share(HeavyTailRun one, HeavyTailRun all, HeavyTailRun run, double percentile) =>
        (one.Wrk.LatencyMs(percentile) - run.Wrk.LatencyMs(percentile)) / (one.Wrk.LatencyMs(percentile) - all.Wrk.LatencyMs(percentile));
}

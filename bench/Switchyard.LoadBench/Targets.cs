using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// The performance targets, each with the figure this run reached: throughput from the 50-connection rows,
/// added latency from the one-request-at-a-time probe.
/// </summary>
internal static class Targets
{
    public static List<TargetResult> Evaluate(
        IReadOnlyList<Measurement> matrix,
        IReadOnlyList<Measurement> latency,
        IReadOnlyList<ConcurrentCallsRun> concurrentCalls,
        double idleMegabytes,
        IReadOnlyList<HotPathResult>? hotPath)
    {
        Measurement At(string key) => matrix.Single(m => m.Subject.Key == key && m.Connections == BenchOptions.TargetConnections);
        var (direct, nginx, noOp, json, aggregate) =
            (At(Scenarios.DirectA), At(Scenarios.Nginx), At(Scenarios.PassNoOp), At(Scenarios.PassJson), At(Scenarios.Aggregate));
        var (alone, noOpAlone) = (latency.Single(m => m.Subject.Key == Scenarios.DirectA), latency.Single(m => m.Subject.Key == Scenarios.PassNoOp));
        var addedMicroseconds = (noOpAlone.Wrk.LatencyMs(50) - alone.Wrk.LatencyMs(50)) * 1000;
        var (one, three) = (concurrentCalls.Single(r => r.Calls == 1), concurrentCalls.Single(r => r.Calls == 3));
        var p99Reduction = 1 - (three.Wrk.LatencyMs(99) / one.Wrk.LatencyMs(99));
        var concurrentFailed = one.Problem is not null || one.Wrk.HasErrors || three.Problem is not null || three.Wrk.HasErrors;

        return
        [
            new("pass-through no-op: rps ≥ 0.8 × nginx", Ratio(noOp, nginx, "nginx"), Verdict(Ratio(noOp, nginx) >= 0.8, noOp, nginx)),
            new("pass-through no-op: p50 added latency < 150 µs (one request at a time)",
                Invariant($"{addedMicroseconds:F0} µs (p50 {noOpAlone.Wrk.LatencyMs(50) * 1000:F0} µs − direct {alone.Wrk.LatencyMs(50) * 1000:F0} µs)"),
                Verdict(addedMicroseconds < 150, noOpAlone, alone)),
            new("pass-through json: rps ≥ 0.5 × direct backend", Ratio(json, direct, "direct"), Verdict(Ratio(json, direct) >= 0.5, json, direct)),
            new("aggregation of 3: rps ≥ 0.3 × one direct backend call", Ratio(aggregate, direct, "direct"),
                Verdict(Ratio(aggregate, direct) >= 0.3, aggregate, direct)),
            new("concurrent calls 3: p99 at least 75% lower than with 1",
                Invariant($"{p99Reduction * 100:F0}% lower (p99 {three.Wrk.LatencyMs(99):F1} ms vs {one.Wrk.LatencyMs(99):F1} ms)"),
                concurrentFailed ? "not met (errors in the run)" : Met(p99Reduction >= 0.75)),
            new("idle working set < 80 MB", Invariant($"{idleMegabytes:F1} MB"), Met(idleMegabytes < 80)),
            HotPath(hotPath),
        ];
    }

    private static TargetResult HotPath(IReadOnlyList<HotPathResult>? rows)
    {
        const string target = "hot path (micro benchmark): mean < 20 µs and allocated < 2 KB";
        if (rows is null)
        {
            return new(target, "not measured (no bench/results/HotPathBenchmarks.md)", "not measured");
        }

        var reached = string.Join("; ", rows.Select(r => Invariant($"{r.Method}: {r.MeanMicroseconds:F2} µs, {r.AllocatedBytes / 1024:F2} KB")));
        return new(target, reached, Met(rows.All(r => r.MeanMicroseconds < 20 && r.AllocatedBytes < 2048)));
    }

    private static double Ratio(Measurement row, Measurement baseline) => row.Wrk.RequestsPerSecond / baseline.Wrk.RequestsPerSecond;

    private static string Ratio(Measurement row, Measurement baseline, string name) =>
        Invariant($"{Ratio(row, baseline):F2} × {name} ({row.Wrk.RequestsPerSecond:F0} vs {baseline.Wrk.RequestsPerSecond:F0} rps)");

    // A run with errors or a wrong answer never meets a target, however fast it was.
    private static string Verdict(bool met, params Measurement[] basis) =>
        basis.Any(m => m.Failed) ? "not met (errors in the run)" : Met(met);

    private static string Met(bool met) => met ? "met" : "not met";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One target: what it asks, the figure reached, and met / not met / not measured.</summary>
internal sealed record TargetResult(string Target, string Reached, string Verdict);

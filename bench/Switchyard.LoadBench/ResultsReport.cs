using System.Globalization;
using System.Text;

namespace Switchyard.LoadBench;

/// <summary>Everything a run measured, as <c>bench/results/latest.md</c>.</summary>
internal sealed record ResultsReport
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public required BenchOptions Options { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary><c>/proc/loadavg</c> before the first server started: other work on the machine skews every figure.</summary>
    public required string LoadAverageBefore { get; init; }

    public required IReadOnlyList<Measurement> Matrix { get; init; }

    /// <summary>The one-request-at-a-time rows (<see cref="LatencyProbe"/>).</summary>
    public required IReadOnlyList<Measurement> Latency { get; init; }

    public required IReadOnlyList<ConcurrentCallsRun> ConcurrentCalls { get; init; }

    public required double IdleMegabytes { get; init; }

    public required IReadOnlyList<TargetResult> Targets { get; init; }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Load benchmark — Switchyard beside the backend alone, nginx and HAProxy");
        text.AppendLine();
        text.AppendLine(Options.RunLine(Date));
        text.AppendLine();
        text.Append(MachineInfo.Block($"before the run: {LoadAverageBefore}"));
        text.AppendLine();
        text.AppendLine(Culture, $"Every server runs on 127.0.0.1 of this machine, beside wrk (`wrk -t2 -c<C> -d{BenchOptions.Seconds(Options.Duration)}s --latency`,");
        text.AppendLine(Culture, $"each recorded run after an unrecorded {BenchOptions.Seconds(Options.Warmup)} s warm-up; before any, {BenchOptions.Seconds(Options.JitWarmup)} s on all the rows of each .NET server in turn, for tiered compilation), so wrk, the backend and the proxy share the");
        text.AppendLine("same cores: the absolute figures are this machine's, the ratios are what to read. The backend is a minimal");
        text.AppendLine("Kestrel app answering small JSON objects from precomputed bytes. nginx (2 workers, upstream `keepalive 64`,");
        text.AppendLine("HTTP/1.1 upstream, no access log) and HAProxy (`nbthread 2`, `http-reuse always`, no logging) are fair,");
        text.AppendLine("production-like reverse-proxy configurations with upstream keep-alive. The gateway is the Release `switchyard`");
        text.AppendLine("executable (`run -c krakend.json --port N`) serving one endpoint per scenario, `timeout` 10s.");
        text.AppendLine();
        text.AppendLine("CPU is the server process's user + system time during the recorded run per completed request (nginx: master");
        text.AppendLine("and workers summed; direct rows: the backend itself); peak RSS is its VmHWM over the run (MB = 2^20 bytes).");
        text.AppendLine("× direct compares with one direct call of the row's first backend path; × nginx with nginx pass-through.");
        text.AppendLine("Latencies here are wrk's: corrected for coordinated omission (wrk adds samples for the requests a constant-rate");
        text.AppendLine("client would have sent during each response slower than twice the mean), which raises p99 over a stall.");
        foreach (var connections in Options.Connections)
        {
            text.AppendLine();
            text.AppendLine(Culture, $"## {connections} connections");
            text.AppendLine();
            text.AppendLine("| scenario | server | rps | p50 ms | p99 ms | CPU µs/req | peak RSS MB | × direct | × nginx | errors |");
            text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
            var rows = Matrix.Where(m => m.Connections == connections).ToList();
            var nginx = rows.Single(m => m.Subject.Key == Scenarios.Nginx);
            foreach (var row in rows)
            {
                var wrk = row.Wrk;
                var direct = rows.SingleOrDefault(m => m.Subject.Key == row.Subject.Direct);
                text.AppendLine(Culture, $"| {row.Subject.Scenario} | {row.Subject.Server} | {wrk.RequestsPerSecond:F0} | {wrk.LatencyMs(50):F3} | {wrk.LatencyMs(99):F3} | {row.Usage.CpuMicrosecondsPerRequest:F1} | {row.Usage.PeakRssMegabytes:F1} | {RatioCell(row, direct)} | {(row == nginx ? "—" : RatioCell(row, nginx))} | {ErrorCell(row)} |");
            }
        }

        text.AppendLine();
        text.AppendLine(Culture, $"Switchyard's idle working set (VmRSS after start, 10 warm-up requests and 3 s idle): **{IdleMegabytes:F1} MB**.");
        text.AppendLine();
        text.AppendLine("## One request at a time");
        text.AppendLine();
        text.AppendLine(Culture, $"`wrk -t1 -c1 -d{BenchOptions.Seconds(Options.LatencyDuration)}s`, every request's own time: nothing queues, so the difference to the direct call is");
        text.AppendLine("the latency the proxy adds to a request (at 50 connections a median is mostly waiting for a core).");
        text.AppendLine();
        text.AppendLine("| server | rps | p50 µs | p99 µs | p50 added µs | CPU µs/req |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|");
        var alone = Latency.Single(m => m.Subject.Key == Scenarios.DirectA).Wrk.LatencyMs(50);
        foreach (var row in Latency)
        {
            var wrk = row.Wrk;
            var added = row.Subject.Key == Scenarios.DirectA ? "—" : Invariant($"{(wrk.LatencyMs(50) - alone) * 1000:F0}");
            text.AppendLine(Culture, $"| {row.Subject.Scenario}: {row.Subject.Server} | {wrk.RequestsPerSecond:F0} | {wrk.LatencyMs(50) * 1000:F0} | {wrk.LatencyMs(99) * 1000:F0} | {added} | {row.Usage.CpuMicrosecondsPerRequest:F1} |");
        }

        text.AppendLine();
        text.AppendLine("## Concurrent calls");
        text.AppendLine();
        text.AppendLine("`/cc1`, `/cc2`, `/cc3` race `concurrent_calls` 1, 2, 3 copies of a call to a heavy-tail backend (`/slow`: 90% 5 ms,");
        text.AppendLine(Culture, $"9% 50 ms, 1% 500 ms, seeded), `wrk -t{Options.ConcurrentCallsConnections} -c{Options.ConcurrentCallsConnections} -d{BenchOptions.Seconds(Options.ConcurrentCallsDuration)}s`, few connections so the backend is never CPU bound.");
        text.AppendLine("Latencies are every request's own (one connection per wrk thread, timed in wrk's Lua hooks), not wrk's");
        text.AppendLine("corrected statistics, which for a heavy-tail backend would invent latencies no request had.");
        text.AppendLine("Backend load = requests the backend received during the run ÷ requests wrk completed.");
        text.AppendLine();
        text.AppendLine("| concurrent_calls | rps | p50 ms | p90 ms | p99 ms | p99.9 ms | backend load | p99 vs 1 | errors |");
        text.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        var single = ConcurrentCalls.Single(r => r.Calls == 1).Wrk.LatencyMs(99);
        foreach (var run in ConcurrentCalls)
        {
            var wrk = run.Wrk;
            var reduction = run.Calls == 1 ? "—" : Invariant($"{(1 - (wrk.LatencyMs(99) / single)) * 100:F0}% lower");
            text.AppendLine(Culture, $"| {run.Calls} | {wrk.RequestsPerSecond:F0} | {wrk.LatencyMs(50):F2} | {wrk.LatencyMs(90):F2} | {wrk.LatencyMs(99):F2} | {wrk.LatencyMs(99.9):F2} | ×{run.LoadMultiplier:F2} | {reduction} | {(run.Problem ?? wrk.Errors)} |");
        }

        text.AppendLine();
        text.AppendLine("![Latency of concurrent_calls 1, 2, 3: fraction of requests slower than x](concurrent-calls-cdf.png)");
        text.AppendLine();
        text.AppendLine("Points: [concurrent-calls-cdf.csv](concurrent-calls-cdf.csv).");
        text.AppendLine();
        text.AppendLine(Culture, $"## Targets (throughput at {BenchOptions.TargetConnections} connections, added latency one request at a time)");
        text.AppendLine();
        text.AppendLine("| target | reached | |");
        text.AppendLine("|---|---|---|");
        foreach (var target in Targets)
        {
            text.AppendLine(Culture, $"| {target.Target} | {target.Reached} | {target.Verdict} |");
        }

        text.AppendLine();
        text.AppendLine("What was changed to reach these figures, and what bounds those not met: [optimizations.md](optimizations.md).");

        return text.ToString();
    }

    private static string RatioCell(Measurement row, Measurement? baseline) =>
        baseline is null ? "—" : Invariant($"{row.Wrk.RequestsPerSecond / baseline.Wrk.RequestsPerSecond:F2}");

    private static string ErrorCell(Measurement row) => row.Problem is { } problem ? $"wrong answer: {problem}" : row.Wrk.Errors;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

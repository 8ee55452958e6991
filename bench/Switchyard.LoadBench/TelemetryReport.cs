using System.Globalization;
using System.Text;

namespace Switchyard.LoadBench;

/// <summary>The telemetry experiment as <c>bench/results/telemetry.md</c>: the figures, the targets and what they say.</summary>
internal sealed record TelemetryReport
{
    /// <summary>Every span sampled may cost at most 10% of the json pass-through's throughput.</summary>
    public const double EverySpanTarget = 0.90;

    /// <summary>
    /// Telemetry off must cost nothing measurable: within 3% of the build without instrumentation, about the spread
    /// between slices of one variant on this machine.
    /// </summary>
    public const double OffTarget = 0.97;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public required BenchOptions Options { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required string LoadAverageBefore { get; init; }

    public required string LoadAverageAfter { get; init; }

    public required TelemetryResults Results { get; init; }

    public string ToMarkdown()
    {
        var runs = Results.Runs;
        var off = runs.Single(run => run.Name == TelemetryRun.Off);
        var on = runs.Single(run => run.Name == TelemetryRun.EverySpan);
        var scraped = runs.Single(run => run.Name == TelemetryRun.EverySpanAndScraped);
        var baseline = runs.SingleOrDefault(run => run.Name == TelemetryRun.Baseline);
        var text = new StringBuilder();
        text.AppendLine("# What telemetry costs: the json pass-through with and without OpenTelemetry");
        text.AppendLine();
        text.AppendLine(Options.RunLine(Date));
        text.AppendLine();
        text.Append(MachineInfo.Block($"before the run: {LoadAverageBefore}; after: {LoadAverageAfter}", reverseProxies: false));
        text.AppendLine();
        text.AppendLine("Gateways (Release builds), all running at once on one backend, each serving `/pass/json` (one backend, json");
        text.AppendLine("decoded and encoded again):");
        text.AppendLine();
        if (baseline is not null)
        {
            text.AppendLine(Culture, $"- **before instrumentation**: the build of `{Options.BaselineRevision ?? "?"}`, the last commit before spans and metrics were added;");
        }

        text.AppendLine("- **telemetry off**: this build, no `telemetry/opentelemetry` (nothing listens: no span is started, no metric recorded);");
        text.AppendLine("- **every span exported**: this build with `trace_sample_rate` 1 and an OTLP/HTTP exporter to a loopback sink that");
        text.AppendLine("  reads and counts every export, metrics pushed there every second (one collector for both signals);");
        text.AppendLine("- **every span exported, metrics also scraped**: the same with a Prometheus exporter as well (a second metrics");
        text.AppendLine("  pipeline: every measurement aggregated once for each).");
        text.AppendLine();
        text.AppendLine(Culture, $"Each is warmed up {BenchOptions.Seconds(Options.JitWarmup)} s, then recorded {Options.TelemetryRounds} times {BenchOptions.Seconds(Options.Duration)} s with `wrk -t2 -c{BenchOptions.TargetConnections}`, the variants taking turns");
        text.AppendLine("(every other round in reverse order), so a change in the machine's load weighs on all alike.");
        text.AppendLine();
        text.AppendLine("| variant | rps | slowest–fastest slice | vs telemetry off | errors |");
        text.AppendLine("|---|--:|--:|--:|---|");
        foreach (var run in runs)
        {
            var (low, high) = run.Range;
            text.AppendLine(Culture, $"| {run.Name} | {run.RequestsPerSecond:F0} | {low:F0}–{high:F0} | {run.RequestsPerSecond / off.RequestsPerSecond:F3} | {run.Errors} |");
        }

        text.AppendLine();
        text.AppendLine(Culture, $"During the recorded runs the sink received {Results.Exports} OTLP exports ({Results.ExportedBytes / 1e6:F1} MB) from the two; the scraped gateway's");
        text.AppendLine(Culture, $"`/metrics` served {Results.PrometheusSamples} samples at the end.");
        text.AppendLine();
        text.AppendLine("## Where the time goes");
        text.AppendLine();
        text.AppendLine("CPU time per request during the recorded slices: the whole machine's (wrk, backend, gateway, sink; steal left out),");
        text.AppendLine("the measured gateway's and the sink's.");
        text.AppendLine();
        text.AppendLine("| variant | machine µs | busy | gateway µs | sink µs |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        foreach (var run in runs)
        {
            text.AppendLine(Culture, $"| {run.Name} | {run.MachineMicrosecondsPerRequest:F1} | {run.BusyShare:P0} | {run.GatewayMicrosecondsPerRequest:F1} | {run.SinkMicrosecondsPerRequest:F1} |");
        }

        // With every core busy, throughput is the inverse of the machine's CPU per request: keeping 0.90 of it leaves
        // telemetry (1 / 0.90 - 1) of what a request costs the machine without it, wherever it is spent.
        var budget = off.MachineMicrosecondsPerRequest * (1 / EverySpanTarget - 1);
        var spent = on.MachineMicrosecondsPerRequest - off.MachineMicrosecondsPerRequest;
        text.AppendLine();
        text.AppendLine(Culture, $"Every span exported costs the machine {spent:F1} µs more per request than telemetry off. With the cores busy, throughput is");
        text.AppendLine(Culture, $"the inverse of that cost, so keeping {EverySpanTarget:F2} of telemetry off's throughput leaves telemetry {budget:F1} µs per request in all.");
        text.AppendLine();
        text.AppendLine("## The OpenTelemetry SDK alone");
        text.AppendLine();
        text.AppendLine("The spans of KrakenD's default layers for this request (server, proxy, backend, round trip, body read: five, nested,");
        text.AppendLine("with the attributes the gateway sets) and its nine measurements, made by a loop on one thread with no gateway around");
        text.AppendLine(Culture, $"them and exported as the gateway exports them, to the same sink; {Options.TelemetryFloorRequests} requests after a warm-up, one process each. CPU");
        text.AppendLine("per request of that process (its export threads included) and of the sink. A floor: one thread, warm caches, no HTTP,");
        text.AppendLine("no async code.");
        text.AppendLine();
        text.AppendLine("| what is recorded | process µs | sink µs | total µs |");
        text.AppendLine("|---|--:|--:|--:|");
        foreach (var floor in Results.Floor)
        {
            text.AppendLine(Culture, $"| {floor.Signals} | {floor.ProcessMicroseconds:F2} | {floor.SinkMicroseconds:F2} | {floor.Total:F2} |");
        }

        var nothing = Results.Floor.Single(floor => floor.Signals == TelemetryFloor.Nothing);
        var both = Results.Floor.Single(floor => floor.Signals == TelemetryFloor.Both);
        var sdk = both.Total - nothing.Total;
        var sdkProcess = both.ProcessMicroseconds - nothing.ProcessMicroseconds;
        var best = off.MachineMicrosecondsPerRequest / (off.MachineMicrosecondsPerRequest + sdk);
        text.AppendLine();
        text.AppendLine(Culture, $"The SDK alone takes {sdk:F1} µs per request for what KrakenD's defaults ask ({sdkProcess:F1} in the process without the collector's");
        text.AppendLine(Culture, $"share), against the {budget:F1} µs that {EverySpanTarget:F2} leaves: with nothing else added, telemetry off's {off.MachineMicrosecondsPerRequest:F1} µs would become");
        text.AppendLine(Culture, $"{off.MachineMicrosecondsPerRequest + sdk:F1}, {best:F3} of its throughput at best.");
        text.AppendLine();
        text.AppendLine("## Targets");
        text.AppendLine();
        var ratio = on.RequestsPerSecond / off.RequestsPerSecond;
        text.AppendLine(Culture, $"- Every span sampled: {ratio:F3} of the throughput without telemetry (≥ {EverySpanTarget:F2}: {(ratio >= EverySpanTarget ? "met" : "not met")}).");
        text.AppendLine(Culture, $"  It leaves {budget:F1} µs of CPU per request; telemetry takes {spent:F1}, of which the OpenTelemetry SDK at its floor {sdk:F1}");
        text.AppendLine(Culture, $"  (at best {best:F3} with the SDK alone).");
        text.AppendLine(Culture, $"  With the metrics also scraped by Prometheus: {scraped.RequestsPerSecond / off.RequestsPerSecond:F3} (no target: two metrics pipelines).");
        if (baseline is not null)
        {
            var offRatio = off.RequestsPerSecond / baseline.RequestsPerSecond;
            text.AppendLine(Culture, $"- Telemetry off: {offRatio:F3} of the build before instrumentation (≥ {OffTarget:F2}: {(offRatio >= OffTarget ? "met" : "not met")}).");
            text.AppendLine(Culture, $"  Its gateway's own CPU per request: {off.GatewayMicrosecondsPerRequest:F1} µs against {baseline.GatewayMicrosecondsPerRequest:F1} ({baseline.GatewayMicrosecondsPerRequest / off.GatewayMicrosecondsPerRequest:F3}),");
            text.AppendLine("  a figure the machine's other work moves less than the throughput.");
        }
        else
        {
            text.AppendLine("- Telemetry off: not compared (no `--baseline-gateway`).");
        }

        return text.ToString();
    }
}

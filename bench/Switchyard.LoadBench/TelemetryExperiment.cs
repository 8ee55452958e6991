using System.Text.Json;

namespace Switchyard.LoadBench;

/// <summary>
/// What telemetry costs on the json pass-through: the gateway without <c>telemetry/opentelemetry</c>, the same with
/// every span sampled and exported (OTLP/HTTP to a sink, metrics pushed there too), the same with its metrics served to
/// Prometheus as well, and, when given, the build from before the gateway had any instrumentation, as the baseline
/// "off" is compared with. All run at once on
/// one backend and are recorded in slices taken in turns, so a change in the machine's load weighs on each alike. Around
/// each slice, the CPU time of the machine, of the gateway and of the sink; at the end, <see cref="TelemetryFloor"/>.
/// </summary>
internal static class TelemetryExperiment
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<TelemetryResults> RunAsync(BenchOptions options, BenchServers servers, CancellationToken cancellationToken)
    {
        await servers.StartBackendsAsync(cancellationToken);
        var (sinkProcess, sink) = await servers.StartOtlpSinkAsync(cancellationToken);
        var backendPort = servers.BackendUrl.Port;
        var variants = new List<(string Name, ChildProcess Process, Uri Url)>();
        async Task AddAsync(string name, string process, string gateway, string? telemetry)
        {
            var (started, url) = await servers.StartAnotherGatewayAsync(
                process, gateway, GatewayConfig.TelemetryJson(backendPort, telemetry), cancellationToken);
            variants.Add((name, started, url));
        }

        if (options.BaselineGateway is { } baseline)
        {
            await AddAsync(TelemetryRun.Baseline, "baseline", baseline, null);
        }

        await AddAsync(TelemetryRun.Off, "off", options.Gateway, null);
        await AddAsync(TelemetryRun.EverySpan, "on", options.Gateway, GatewayConfig.EverySpanExported(sink.Port));
        var prometheusPort = FreePort.Next();
        await AddAsync(TelemetryRun.EverySpanAndScraped, "scraped", options.Gateway, GatewayConfig.EverySpanExportedAndScraped(sink.Port, prometheusPort));

        var connections = BenchOptions.TargetConnections;
        foreach (var (_, _, url) in variants)
        {
            var problem = await AnswerCheck.ProblemAsync(new Uri(url, GatewayConfig.PassJson), "\"alpha\"", expectCompleted: true, cancellationToken);
            if (problem is not null)
            {
                throw new InvalidOperationException($"{url}{GatewayConfig.PassJson}: {problem}");
            }

            await WrkRun.WarmUpAsync(url, [GatewayConfig.PassJson], connections, options.JitWarmup, cancellationToken);
        }

        var exportsBefore = await ExportsAsync(sink, cancellationToken);
        var slices = variants.ToDictionary(variant => variant.Name, _ => new List<TelemetrySlice>());
        var slice = options.Duration;
        for (var round = 0; round < options.TelemetryRounds; round++)
        {
            // Each round in another order, so no variant always runs right after the same other one.
            foreach (var (name, process, url) in round % 2 == 0 ? variants : Enumerable.Reverse(variants))
            {
                var machine = MachineCpu.Now();
                var gateway = ProcessMeter.Start(process.Id);
                var sinkMeter = ProcessMeter.Start(sinkProcess.Id);
                var run = await WrkRun.RunAsync(new Uri(url, GatewayConfig.PassJson), connections, slice, LatencyKind.WrkCorrected, cancellationToken);
                var recorded = new TelemetrySlice(run, MachineCpu.Now() - machine, gateway.Stop(run.Requests), sinkMeter.Stop(run.Requests));
                slices[name].Add(recorded);
                Console.WriteLine($"{name}, round {round + 1}: {run.RequestsPerSecond:F0} rps, errors {run.Errors}, "
                    + $"machine {recorded.MachineMicrosecondsPerRequest:F1} us per request ({recorded.Machine.BusyShare:P0} busy)");
            }
        }

        var exportsAfter = await ExportsAsync(sink, cancellationToken);
        var scrape = await Client.GetStringAsync(new Uri($"http://127.0.0.1:{prometheusPort}/metrics"), cancellationToken);
        var floor = await TelemetryFloor.MeasureAsync(sink, sinkProcess.Id, options.TelemetryFloorRequests, cancellationToken);
        return new TelemetryResults(
            [.. variants.Select(variant => new TelemetryRun(variant.Name, slices[variant.Name]))],
            exportsAfter.Exports - exportsBefore.Exports,
            exportsAfter.Bytes - exportsBefore.Bytes,
            scrape.Split('\n').Count(line => line.Length > 0 && line[0] != '#'),
            floor);
    }

    private static async Task<(long Exports, long Bytes)> ExportsAsync(Uri sink, CancellationToken cancellationToken)
    {
        await using var body = await Client.GetStreamAsync(new Uri(sink, "/__otlp"), cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return (json.RootElement.GetProperty("exports").GetInt64(), json.RootElement.GetProperty("bytes").GetInt64());
    }
}

/// <summary>The experiment's figures.</summary>
/// <param name="Exports">OTLP exports the sink received during the recorded runs.</param>
/// <param name="ExportedBytes">Their bodies' bytes.</param>
/// <param name="PrometheusSamples">Sample lines the scraped gateway's Prometheus endpoint served at the end.</param>
/// <param name="Floor">The OpenTelemetry SDK alone (<see cref="TelemetryFloor"/>).</param>
internal sealed record TelemetryResults(
    IReadOnlyList<TelemetryRun> Runs, long Exports, long ExportedBytes, int PrometheusSamples, IReadOnlyList<FloorRun> Floor);

/// <summary>One recorded slice: wrk's figures and the CPU time spent meanwhile.</summary>
/// <param name="Machine">The whole machine's (wrk, backend, gateways, sink and the rest).</param>
/// <param name="Gateway">The measured gateway's.</param>
/// <param name="Sink">The OTLP sink's.</param>
internal sealed record TelemetrySlice(WrkResult Run, MachineCpu Machine, ProcessUsage Gateway, ProcessUsage Sink)
{
    public double MachineMicrosecondsPerRequest => Machine.BusySeconds * 1e6 / Run.Requests;
}

/// <summary>One variant's recorded slices.</summary>
internal sealed record TelemetryRun(string Name, IReadOnlyList<TelemetrySlice> Slices)
{
    public const string Baseline = "before instrumentation";
    public const string Off = "telemetry off";
    public const string EverySpan = "every span exported";
    public const string EverySpanAndScraped = "every span exported, metrics also scraped";

    public long Requests => Slices.Sum(slice => slice.Run.Requests);

    public double RequestsPerSecond => Requests / Slices.Sum(slice => slice.Run.DurationSeconds);

    public string Errors => Slices.FirstOrDefault(slice => slice.Run.HasErrors)?.Run.Errors ?? "none";

    /// <summary>The slowest and the fastest slice.</summary>
    public (double Low, double High) Range => (Slices.Min(slice => slice.Run.RequestsPerSecond), Slices.Max(slice => slice.Run.RequestsPerSecond));

    /// <summary>The machine's busy CPU time per request over all slices.</summary>
    public double MachineMicrosecondsPerRequest => Slices.Sum(slice => slice.Machine.BusySeconds) * 1e6 / Requests;

    /// <summary>The machine's busy share over all slices.</summary>
    public double BusyShare => Slices.Sum(slice => slice.Machine.BusySeconds) / Slices.Sum(slice => slice.Machine.BusySeconds + slice.Machine.IdleSeconds);

    public double GatewayMicrosecondsPerRequest => PerRequest(slice => slice.Gateway);

    public double SinkMicrosecondsPerRequest => PerRequest(slice => slice.Sink);

    private double PerRequest(Func<TelemetrySlice, ProcessUsage> usage) =>
        Slices.Sum(slice => usage(slice).CpuMicrosecondsPerRequest * slice.Run.Requests) / Requests;
}

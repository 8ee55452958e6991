using System.Text.Json;

namespace Switchyard.LoadBench;

/// <summary>
/// What telemetry costs on the json pass-through: the gateway without <c>telemetry/opentelemetry</c>, the same with
/// every span sampled and exported (OTLP/HTTP to a sink, metrics pushed there too), the same with its metrics served to
/// Prometheus as well, and, when given, the build from before the gateway had any instrumentation, as the baseline
/// "off" is compared with. All run at once on
/// one backend and are recorded in slices taken in turns, so a change in the machine's load weighs on each alike.
/// </summary>
internal static class TelemetryExperiment
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<TelemetryResults> RunAsync(BenchOptions options, BenchServers servers, CancellationToken cancellationToken)
    {
        await servers.StartBackendsAsync(cancellationToken);
        var sink = await servers.StartOtlpSinkAsync(cancellationToken);
        var backendPort = servers.BackendUrl.Port;
        var variants = new List<(string Name, Uri Url)>();
        if (options.BaselineGateway is { } baseline)
        {
            variants.Add((TelemetryRun.Baseline, (await servers.StartAnotherGatewayAsync(
                "baseline", baseline, GatewayConfig.TelemetryJson(backendPort, null), cancellationToken)).Url));
        }

        variants.Add((TelemetryRun.Off, (await servers.StartAnotherGatewayAsync(
            "off", options.Gateway, GatewayConfig.TelemetryJson(backendPort, null), cancellationToken)).Url));
        variants.Add((TelemetryRun.EverySpan, (await servers.StartAnotherGatewayAsync(
            "on", options.Gateway, GatewayConfig.TelemetryJson(backendPort, GatewayConfig.EverySpanExported(sink.Port)),
            cancellationToken)).Url));
        var prometheusPort = FreePort.Next();
        variants.Add((TelemetryRun.EverySpanAndScraped, (await servers.StartAnotherGatewayAsync(
            "scraped", options.Gateway,
            GatewayConfig.TelemetryJson(backendPort, GatewayConfig.EverySpanExportedAndScraped(sink.Port, prometheusPort)),
            cancellationToken)).Url));

        var connections = BenchOptions.TargetConnections;
        foreach (var (_, url) in variants)
        {
            var problem = await AnswerCheck.ProblemAsync(new Uri(url, GatewayConfig.PassJson), "\"alpha\"", expectCompleted: true, cancellationToken);
            if (problem is not null)
            {
                throw new InvalidOperationException($"{url}{GatewayConfig.PassJson}: {problem}");
            }

            await WrkRun.WarmUpAsync(url, [GatewayConfig.PassJson], connections, options.JitWarmup, cancellationToken);
        }

        var exportsBefore = await ExportsAsync(sink, cancellationToken);
        var slices = variants.ToDictionary(variant => variant.Name, _ => new List<WrkResult>());
        var slice = options.Duration;
        for (var round = 0; round < options.TelemetryRounds; round++)
        {
            // Each round in another order, so no variant always runs right after the same other one.
            foreach (var (name, url) in round % 2 == 0 ? variants : Enumerable.Reverse(variants))
            {
                var run = await WrkRun.RunAsync(new Uri(url, GatewayConfig.PassJson), connections, slice, LatencyKind.WrkCorrected, cancellationToken);
                slices[name].Add(run);
                Console.WriteLine($"{name}, round {round + 1}: {run.RequestsPerSecond:F0} rps, errors {run.Errors}");
            }
        }

        var exportsAfter = await ExportsAsync(sink, cancellationToken);
        var scrape = await Client.GetStringAsync(new Uri($"http://127.0.0.1:{prometheusPort}/metrics"), cancellationToken);
        return new TelemetryResults(
            [.. variants.Select(variant => new TelemetryRun(variant.Name, slices[variant.Name]))],
            exportsAfter.Exports - exportsBefore.Exports,
            exportsAfter.Bytes - exportsBefore.Bytes,
            scrape.Split('\n').Count(line => line.Length > 0 && line[0] != '#'));
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
internal sealed record TelemetryResults(IReadOnlyList<TelemetryRun> Runs, long Exports, long ExportedBytes, int PrometheusSamples);

/// <summary>One variant's recorded slices.</summary>
internal sealed record TelemetryRun(string Name, IReadOnlyList<WrkResult> Slices)
{
    public const string Baseline = "before instrumentation";
    public const string Off = "telemetry off";
    public const string EverySpan = "every span exported";
    public const string EverySpanAndScraped = "every span exported, metrics also scraped";

    public long Requests => Slices.Sum(slice => slice.Requests);

    public double RequestsPerSecond => Requests / Slices.Sum(slice => slice.DurationSeconds);

    public string Errors => Slices.FirstOrDefault(slice => slice.HasErrors)?.Errors ?? "none";

    /// <summary>The slowest and the fastest slice.</summary>
    public (double Low, double High) Range => (Slices.Min(slice => slice.RequestsPerSecond), Slices.Max(slice => slice.RequestsPerSecond));
}

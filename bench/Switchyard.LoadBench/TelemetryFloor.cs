using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Switchyard.LoadBench;

/// <summary>
/// What the OpenTelemetry SDK alone costs for one request's telemetry, with no gateway around it: the spans of KrakenD's
/// default layers (server, proxy, backend, round trip, body read: five, nested, with the attributes the gateway sets on
/// each) and the nine measurements it records, made in a loop on one thread and exported as the gateway exports them
/// (OTLP/HTTP to the same sink, batched; metrics pushed every second). CPU time of the whole process — the export threads
/// included — per request. A floor: one thread, warm caches, no HTTP and no async code around the spans.
/// </summary>
internal static class TelemetryFloor
{
    /// <summary>What each measured process records.</summary>
    public static readonly IReadOnlyList<string> Signals = [Nothing, Traces, Metrics, Both];

    public const string Nothing = "nothing listening";
    public const string Traces = "the five spans exported";
    public const string Metrics = "the nine measurements exported";
    public const string Both = "both";

    private const string SourceName = "Switchyard.LoadBench.Floor";
    private const int WarmupRequests = 200_000;
    private const string Answer = "cpu-us-per-request ";
    private const int SpansPerRequest = 5;

    // The SDK's default for a batch processor's queue, which the gateway keeps.
    private const int QueueSize = 2048;

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);

    private static readonly Histogram<double>[] Histograms =
        [.. Enumerable.Range(0, 9).Select(i => Meter.CreateHistogram<double>($"floor.measurement.{i}"))];

    private static readonly object Status = 200;
    private static readonly object Port = 8080;
    private static readonly object Step = 0;
    private static readonly object Size = 1024;
    private static readonly object True = true;

    /// <summary>The <c>telemetry-floor</c> verb: <c>--sink URL --signals NAME --requests N</c>; prints the CPU microseconds per request.</summary>
    public static int Run(string[] args)
    {
        var sink = new Uri(Argument(args, "--sink"));
        var signals = Argument(args, "--signals");
        var requests = int.Parse(Argument(args, "--requests"), CultureInfo.InvariantCulture);
        if (!Signals.Contains(signals))
        {
            throw new InvalidOperationException($"telemetry-floor: --signals is one of {string.Join(", ", Signals)}.");
        }

        var exporter = signals is Traces or Both ? new CountingExporter(new OtlpTraceExporter(Target(new OtlpExporterOptions(), sink, "traces"))) : null;
        using var tracing = exporter is null ? null
            : Sdk.CreateTracerProviderBuilder().AddSource(SourceName).SetSampler(new AlwaysOnSampler())
                .AddProcessor(new BatchActivityExportProcessor(exporter)).Build();
        using var metrics = signals is Metrics or Both
            ? Sdk.CreateMeterProviderBuilder().AddMeter(SourceName)
                .AddOtlpExporter((options, reader) =>
                {
                    Target(options, sink, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 1000;
                }).Build()
            : null;
        Loop(WarmupRequests, exporter);
        tracing?.ForceFlush();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        Loop(requests, exporter);

        // Everything recorded is exported before the clock stops: the export threads' work is part of the cost. A flush
        // returns once the last batch has left the queue, which can be before its export has ended.
        tracing?.ForceFlush();
        metrics?.ForceFlush();
        var spans = (WarmupRequests + (long)requests) * SpansPerRequest;
        var waited = Stopwatch.StartNew();
        while (exporter is not null && exporter.Exported < spans && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(1);
        }

        if (exporter is not null && exporter.Exported != spans)
        {
            throw new InvalidOperationException($"telemetry-floor: {exporter.Exported} of {spans} spans were exported; the rest were dropped.");
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Answer}{cpu.TotalMicroseconds / requests:F3}"));
        return 0;
    }

    /// <summary>
    /// Runs the verb once for each of <see cref="Signals"/>, each in a process of its own, one after the other, and measures
    /// the sink's CPU around each too.
    /// </summary>
    public static async Task<IReadOnlyList<FloorRun>> MeasureAsync(Uri sink, int sinkProcess, int requests, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        var runs = new List<FloorRun>();
        foreach (var signals in Signals)
        {
            var sinkMeter = ProcessMeter.Start(sinkProcess);
            var run = await ProgramRun.RunAsync(self, ["telemetry-floor", "--sink", sink.ToString(), "--signals", signals, "--requests", requests.ToString(CultureInfo.InvariantCulture)], cancellationToken);

            // The sink receives the warm-up's spans too, while it is measured.
            var sinkUsage = sinkMeter.Stop(WarmupRequests + requests);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"telemetry-floor ({signals}) exited with {run.ExitCode}: {run.Errors}");
            }

            var line = run.Output.Split('\n').Single(l => l.StartsWith(Answer, StringComparison.Ordinal));
            runs.Add(new FloorRun(signals, double.Parse(line[Answer.Length..], CultureInfo.InvariantCulture), sinkUsage.CpuMicrosecondsPerRequest));
            Console.WriteLine($"SDK alone, {signals}: {runs[^1].ProcessMicroseconds:F2} us per request, sink {runs[^1].SinkMicroseconds:F2}");
        }

        return runs;
    }

    // A loop faster than the export thread would fill the SDK's queue (2048 spans) and have spans dropped, whose export
    // would then cost nothing: the loop waits — sleeping, which costs no CPU — while more than half of it is waiting.
    private static void Loop(int requests, CountingExporter? exporter)
    {
        long made = exporter?.Exported ?? 0;
        for (var i = 0; i < requests; i++)
        {
            OneRequest();
            made += SpansPerRequest;
            while (exporter is not null && made - exporter.Exported > QueueSize / 2)
            {
                Thread.Sleep(1);
            }
        }
    }

    // The gateway's tree for GET /pass/json with one backend, attribute for attribute (their values fixed here).
    private static void OneRequest()
    {
        using (var server = Source.StartActivity("GET /pass/json", ActivityKind.Server))
        {
            server?.SetTag("krakend.stage", "global").SetTag("http.request.method", "GET").SetTag("url.scheme", "http")
                .SetTag("url.path", "/pass/json").SetTag("http.route", "/pass/json").SetTag("server.address", "127.0.0.1")
                .SetTag("server.port", Port).SetTag("network.protocol.version", "1.1").SetTag("client.address", "127.0.0.1");
            using (var proxy = Source.StartActivity("proxy /pass/json"))
            {
                proxy?.SetTag("krakend.stage", "proxy").SetTag("krakend.endpoint.route", "/pass/json").SetTag("http.request.method", "GET");
                using (var backend = Source.StartActivity("backend /a", ActivityKind.Client))
                {
                    backend?.SetTag("krakend.stage", "backend").SetTag("http.route", "/a").SetTag("krakend.endpoint.route", "/pass/json")
                        .SetTag("http.request.method", "GET").SetTag("switchyard.step", Step).SetTag("server.address", "127.0.0.1")
                        .SetTag("server.port", Port).SetTag("url.full", "http://127.0.0.1:8080/a");
                    using (var roundTrip = Source.StartActivity("GET", ActivityKind.Client))
                    {
                        roundTrip?.SetTag("http.request.method", "GET").SetTag("server.address", "127.0.0.1").SetTag("server.port", Port)
                            .SetTag("url.full", "http://127.0.0.1:8080/a").SetTag("network.protocol.version", "1.1")
                            .SetTag("http.response.status_code", Status);
                    }

                    using (var read = Source.StartActivity("http.client.response.read.tracker"))
                    {
                        read?.SetTag("http.client.response.read.size", Size).SetTag("http.client.response.read.time", 0.0001);
                    }

                    backend?.SetTag("http.response.status_code", Status).SetTag("complete", True);
                }

                proxy?.SetTag("http.response.status_code", Status).SetTag("complete", True);
            }

            server?.SetTag("http.response.status_code", Status);
        }

        var labels = new TagList
        {
            { "http.request.method", "GET" }, { "url.scheme", "http" }, { "http.route", "/pass/json" },
            { "http.response.status_code", Status }, { "server.port", Port },
        };
        foreach (var histogram in Histograms)
        {
            histogram.Record(0.001, labels);
        }
    }

    private static OtlpExporterOptions Target(OtlpExporterOptions options, Uri sink, string signal)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(sink, "/v1/" + signal);
        return options;
    }

    /// <summary>The OTLP exporter, counting the spans it was given.</summary>
    private sealed class CountingExporter(BaseExporter<Activity> exporter) : BaseExporter<Activity>
    {
        private long _exported;

        public long Exported => Interlocked.Read(ref _exported);

        public override ExportResult Export(in Batch<Activity> batch)
        {
            var result = exporter.Export(batch);
            Interlocked.Add(ref _exported, batch.Count);
            return result;
        }

        protected override bool OnShutdown(int timeoutMilliseconds) => exporter.Shutdown(timeoutMilliseconds);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                exporter.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static string Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new InvalidOperationException($"telemetry-floor: {name} is missing.");
    }
}

/// <summary>One process of the floor: its CPU microseconds per request, and the sink's for what it exported.</summary>
internal sealed record FloorRun(string Signals, double ProcessMicroseconds, double SinkMicroseconds)
{
    public double Total => ProcessMicroseconds + SinkMicroseconds;
}

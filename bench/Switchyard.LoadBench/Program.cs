using System.Runtime.InteropServices;
using Switchyard.LoadBench;

// The side-by-side load benchmark: Switchyard against the backend alone, nginx and HAProxy, driven by wrk.
//   bench/run.sh [--quick]   (builds, then runs this with --gateway <Release bin>/switchyard and draws the CDF)
//   Switchyard.LoadBench --gateway PATH [--quick] [--hedging | --telemetry [--baseline-gateway PATH --baseline-revision REV]]
//     [--results DIR]   (--hedging, --telemetry: that experiment alone)
//   Switchyard.LoadBench backend --port N [--heavy-tail --seed S]   (the backend the orchestrator starts)
//   Switchyard.LoadBench telemetry-floor --sink URL --signals NAME --requests N   (what --telemetry starts for its floor)
if (args.Length > 0 && args[0] == "backend")
{
    await BackendApp.RunAsync(BackendOptions.Parse(args[1..]));
    return 0;
}

if (args.Length > 0 && args[0] == "telemetry-floor")
{
    return TelemetryFloor.Run(args[1..]);
}

var options = BenchOptions.Parse(args, BenchOptions.RepositoryRoot());
using var stop = new CancellationTokenSource();

// Ctrl+C or a kill: cancel the run, so the servers are stopped (disposed) before the process exits instead of being
// left running.
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var loadAverage = LoadAverage();
    using var servers = new BenchServers();
    if (options.HedgingOnly)
    {
        var hedging = await HedgingExperiment.RunAsync(options, servers, stop.Token);
        Directory.CreateDirectory(options.Results);
        await HedgingExperiment.WriteCdfAsync(Path.Combine(options.Results, "hedging-cdf.csv"), hedging);
        var hedgingReport = new HedgingReport
        {
            Options = options,
            Date = TimeProvider.System.GetUtcNow(),
            LoadAverageBefore = loadAverage,
            LoadAverageAfter = LoadAverage(),
            Results = hedging,
        }.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(options.Results, "hedging.md"), hedgingReport);
        Console.WriteLine();
        Console.WriteLine(hedgingReport);
        return 0;
    }

    if (options.TelemetryOnly)
    {
        var telemetry = await TelemetryExperiment.RunAsync(options, servers, stop.Token);
        var telemetryReport = new TelemetryReport
        {
            Options = options,
            Date = TimeProvider.System.GetUtcNow(),
            LoadAverageBefore = loadAverage,
            LoadAverageAfter = LoadAverage(),
            Results = telemetry,
        }.ToMarkdown();
        Directory.CreateDirectory(options.Results);
        await File.WriteAllTextAsync(Path.Combine(options.Results, "telemetry.md"), telemetryReport);
        Console.WriteLine();
        Console.WriteLine(telemetryReport);
        return 0;
    }

    await servers.StartBackendsAndGatewayAsync(options.Gateway, stop.Token);
    var idle = await IdleWorkingSet.MeasureMegabytesAsync(servers.Gateway, servers.GatewayUrl, stop.Token);
    Console.WriteLine($"Switchyard idle working set: {idle:F1} MB");
    await servers.StartReverseProxiesAsync(stop.Token);
    var subjects = Scenarios.All(servers);

    var matrix = await LoadMatrix.RunAsync(options, subjects, [servers.Backend, servers.Gateway], stop.Token);
    var latency = await LatencyProbe.RunAsync(options, subjects, stop.Token);
    var concurrentCalls = await ConcurrentCallsExperiment.RunAsync(options, servers, stop.Token);

    Directory.CreateDirectory(options.Results);
    await ConcurrentCallsExperiment.WriteCdfAsync(Path.Combine(options.Results, "concurrent-calls-cdf.csv"), concurrentCalls);
    var hotPath = HotPathResult.Read(Path.Combine(options.Results, "HotPathBenchmarks.md"));
    var report = new ResultsReport
    {
        Options = options,
        Date = TimeProvider.System.GetUtcNow(),
        LoadAverageBefore = loadAverage,
        Matrix = matrix,
        Latency = latency,
        ConcurrentCalls = concurrentCalls,
        IdleMegabytes = idle,
        Targets = Targets.Evaluate(matrix, latency, concurrentCalls, idle, hotPath),
    };
    var markdown = report.ToMarkdown();
    await File.WriteAllTextAsync(Path.Combine(options.Results, "latest.md"), markdown);
    Console.WriteLine();
    Console.WriteLine(markdown);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped; every server was shut down.");
    return 130;
}
catch (Exception error) when (error is InvalidOperationException or HttpRequestException or IOException)
{
    Console.Error.WriteLine($"loadbench: {error.Message}");
    return 1;
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

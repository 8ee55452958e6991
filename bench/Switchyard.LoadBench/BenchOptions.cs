using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// The orchestrator's command line: <c>--gateway PATH [--quick] [--hedging | --telemetry [--baseline-gateway PATH
/// --baseline-revision REV]] [--results DIR]</c>.
/// </summary>
internal sealed record BenchOptions
{
    /// <summary>The Release <c>switchyard</c> executable to measure.</summary>
    public required string Gateway { get; init; }

    /// <summary>A short run (one connection count, short durations) for development and CI smoke checks.</summary>
    public bool Quick { get; init; }

    /// <summary>Only the hedging experiment (<see cref="HedgingExperiment"/>), not the load matrix.</summary>
    public bool HedgingOnly { get; init; }

    /// <summary>Only the telemetry experiment (<see cref="TelemetryExperiment"/>), not the load matrix.</summary>
    public bool TelemetryOnly { get; init; }

    /// <summary>The telemetry experiment's baseline: a gateway built before instrumentation, or null for none.</summary>
    public string? BaselineGateway { get; init; }

    /// <summary>The revision <see cref="BaselineGateway"/> was built from, for the report.</summary>
    public string? BaselineRevision { get; init; }

    /// <summary>Where <c>latest.md</c> and the concurrent-calls CSV go. <value>The default value is <c>bench/results</c>.</value></summary>
    public required string Results { get; init; }

    /// <summary>The wrk connection counts of the scenario matrix; the targets read the 50-connection row.</summary>
    public IReadOnlyList<int> Connections => Quick ? [TargetConnections] : [10, TargetConnections, 200];

    public TimeSpan Warmup => TimeSpan.FromSeconds(Quick ? 1 : 3);

    /// <summary>
    /// Load on every row of a .NET server (the gateway, the backend) before any run is recorded: .NET compiles hot code
    /// again with full optimisation (tiered compilation) during its first seconds under load, which a long-running
    /// server has long finished. Measured: from 2 to 7 s under load the gateway spent twice the CPU per request it spent from 7 to 12 s.
    /// </summary>
    public TimeSpan JitWarmup => TimeSpan.FromSeconds(Quick ? 6 : 15);

    public TimeSpan Duration => TimeSpan.FromSeconds(Quick ? 4 : 15);

    /// <summary>Each row of the one-request-at-a-time latency probe.</summary>
    public TimeSpan LatencyDuration => TimeSpan.FromSeconds(Quick ? 2 : 10);

    /// <summary>Few connections, so the heavy-tail backend is never CPU bound and its own latency is what is measured.</summary>
    public int ConcurrentCallsConnections => 8;

    public TimeSpan ConcurrentCallsDuration => TimeSpan.FromSeconds(Quick ? 5 : 30);

    /// <summary>The hedging experiment records each endpoint in this many slices, taking turns.</summary>
    public int HedgingRounds => Quick ? 1 : 6;

    /// <summary>The telemetry experiment records each variant in this many slices of <see cref="Duration"/>, taking turns.</summary>
    public int TelemetryRounds => Quick ? 2 : 8;

    /// <summary>Requests each process of the telemetry floor makes (after its warm-up).</summary>
    public int TelemetryFloorRequests => Quick ? 300_000 : 2_000_000;

    /// <summary>The hedging experiment's direct measurement of the heavy-tail backend, whose p90 and p95 become its delays.</summary>
    public TimeSpan BackendProbeDuration => TimeSpan.FromSeconds(Quick ? 5 : 20);

    public const int TargetConnections = 50;

    /// <summary>The line that opens a report: what ran, and when.</summary>
    public string RunLine(DateTimeOffset date) =>
        string.Create(CultureInfo.InvariantCulture, $"Run: `{Command}` ({(Quick ? "quick" : "full")}) on {date:yyyy-MM-dd HH:mm} UTC.");

    public string Command => "bench/run.sh" + (HedgingOnly ? " --hedging" : "") + (TelemetryOnly ? " --telemetry" : "") + (Quick ? " --quick" : "");

    public static BenchOptions Parse(string[] args, string repository)
    {
        string? gateway = null;
        var quick = false;
        var hedgingOnly = false;
        var telemetryOnly = false;
        string? baseline = null;
        string? baselineRevision = null;
        var results = Path.Combine(repository, "bench", "results");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--hedging":
                    hedgingOnly = true;
                    break;
                case "--telemetry":
                    telemetryOnly = true;
                    break;
                case "--baseline-gateway" when i + 1 < args.Length:
                    baseline = Path.GetFullPath(args[++i]);
                    break;
                case "--baseline-revision" when i + 1 < args.Length:
                    baselineRevision = args[++i];
                    break;
                case "--gateway" when i + 1 < args.Length:
                    gateway = Path.GetFullPath(args[++i]);
                    break;
                case "--results" when i + 1 < args.Length:
                    results = Path.GetFullPath(args[++i]);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}; use --gateway PATH [--quick] [--hedging | --telemetry [--baseline-gateway PATH --baseline-revision REV]] [--results DIR], or backend --port N [--heavy-tail --seed S].");
            }
        }

        if (gateway is null || !File.Exists(gateway))
        {
            throw new ArgumentException($"--gateway must name the built switchyard executable (got {gateway ?? "nothing"}); bench/run.sh builds and passes it.");
        }

        if (baseline is not null && !File.Exists(baseline))
        {
            throw new ArgumentException($"--baseline-gateway must name a built switchyard executable (got {baseline}).");
        }

        return new BenchOptions
        {
            Gateway = gateway, Quick = quick, HedgingOnly = hedgingOnly, TelemetryOnly = telemetryOnly,
            BaselineGateway = baseline, BaselineRevision = baselineRevision, Results = results,
        };
    }

    /// <summary>The repository the program was built from (where <c>Serverless.sln</c> is), found upwards.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}

namespace Switchyard.LoadBench;

/// <summary>One wrk run, as its <c>summary.lua</c> hook reported it. Latencies in microseconds.</summary>
internal sealed record WrkResult
{
    public required long Requests { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>Responses with a status of 400 or more (wrk counts those, not other non-2xx statuses).</summary>
    public required long StatusErrors { get; init; }

    /// <summary>Connect, read, write errors and timeouts.</summary>
    public required long SocketErrors { get; init; }

    public required LatencyKind Latency { get; init; }

    /// <summary>Percentile (0-100) → latency in microseconds, in increasing percentile order.</summary>
    public required IReadOnlyList<KeyValuePair<double, double>> Percentiles { get; init; }

    public double RequestsPerSecond => Requests / DurationSeconds;

    public bool HasErrors => StatusErrors > 0 || SocketErrors > 0;

    public string Errors => HasErrors ? $"non-2xx {StatusErrors}, socket {SocketErrors}" : "none";

    /// <summary>The latency at a percentile the hook printed, in milliseconds.</summary>
    public double LatencyMs(double percentile) =>
        Percentiles.First(p => Math.Abs(p.Key - percentile) < 1e-9).Value / 1000.0;
}

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

    /// <summary>Per-request runs: latency in microseconds → requests; empty for wrk's corrected statistics.</summary>
    public IReadOnlyDictionary<long, long> Histogram { get; init; } = new Dictionary<long, long>();

    public double RequestsPerSecond => Requests / DurationSeconds;

    /// <summary>Per-request runs of one target taken in slices, as one run: counts summed, percentiles of all the requests.</summary>
    public static WrkResult Merge(IReadOnlyList<WrkResult> slices)
    {
        var histogram = new SortedDictionary<long, long>();
        foreach (var (microseconds, count) in slices.SelectMany(slice => slice.Histogram))
        {
            histogram[microseconds] = histogram.GetValueOrDefault(microseconds) + count;
        }

        return new WrkResult
        {
            Requests = slices.Sum(slice => slice.Requests),
            DurationSeconds = slices.Sum(slice => slice.DurationSeconds),
            StatusErrors = slices.Sum(slice => slice.StatusErrors),
            SocketErrors = slices.Sum(slice => slice.SocketErrors),
            Latency = LatencyKind.PerRequest,
            Percentiles = PercentileGrid.Of(histogram),
            Histogram = histogram,
        };
    }

    public bool HasErrors => StatusErrors > 0 || SocketErrors > 0;

    public string Errors => HasErrors ? $"non-2xx {StatusErrors}, socket {SocketErrors}" : "none";

    /// <summary>The latency at a percentile the hook printed, in milliseconds.</summary>
    public double LatencyMs(double percentile) =>
        Percentiles.First(p => Math.Abs(p.Key - percentile) < 1e-9).Value / 1000.0;
}

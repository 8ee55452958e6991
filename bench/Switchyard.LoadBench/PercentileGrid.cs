namespace Switchyard.LoadBench;

/// <summary>
/// The percentiles every run reports: 0.5 steps to 99, then 0.1 steps to 99.9, then 0.01 steps to 99.99 — dense
/// enough to draw a CDF's tail. <c>summary.lua</c> prints the same list from wrk's statistics.
/// </summary>
internal static class PercentileGrid
{
    public static readonly IReadOnlyList<double> Points =
    [
        .. Enumerable.Range(1, 198).Select(i => i / 2.0),
        .. Enumerable.Range(991, 9).Select(i => i / 10.0),
        .. Enumerable.Range(9991, 9).Select(i => i / 100.0),
    ];

    /// <summary>
    /// Percentiles of a histogram (latency in µs → count) by wrk's rule: the smallest latency whose cumulative count
    /// reaches round(p/100 × count + 0.5).
    /// </summary>
    public static List<KeyValuePair<double, double>> Of(SortedDictionary<long, long> histogram)
    {
        var total = histogram.Values.Sum();
        var percentiles = new List<KeyValuePair<double, double>>(Points.Count);
        foreach (var point in Points)
        {
            var rank = Math.Round((point / 100.0 * total) + 0.5);
            long cumulative = 0;
            foreach (var (latency, count) in histogram)
            {
                cumulative += count;
                if (cumulative >= rank)
                {
                    percentiles.Add(new(point, latency));
                    break;
                }
            }
        }

        return percentiles;
    }
}

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>The bucket boundaries (seconds) of every duration histogram: KrakenD's, from 10 ms to 10 s.</summary>
internal static class DurationBuckets
{
    /// <summary>The boundaries, as an instrument's advice.</summary>
    public static readonly System.Diagnostics.Metrics.InstrumentAdvice<double> Advice = new()
    {
        HistogramBucketBoundaries =
        [
            0.010, 0.020, 0.050, 0.075, 0.100, 0.125, 0.150, 0.175, 0.200, 0.250,
            0.300, 0.350, 0.500, 0.750, 1.000, 1.500, 2.000, 3.500, 5.000, 10.000,
        ],
    };
}

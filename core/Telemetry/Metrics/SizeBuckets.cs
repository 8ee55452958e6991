using System.Diagnostics.Metrics;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>The bucket boundaries (bytes) of every size histogram: KrakenD's, 128 B to 64 MiB, each four times the last.</summary>
public static class SizeBuckets
{
    /// <summary>The boundaries, as an instrument's advice.</summary>
    public static readonly InstrumentAdvice<long> Advice = new()
    {
        HistogramBucketBoundaries = [128, 512, 2048, 8192, 32768, 131072, 524288, 2097152, 8388608, 33554432, 67108864],
    };
}

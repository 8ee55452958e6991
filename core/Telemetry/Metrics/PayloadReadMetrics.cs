using System.Diagnostics.Metrics;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// KrakenD's <c>read_payload</c> metrics, on <see cref="GatewayMetrics.Meter"/>: the histograms
/// <c>http.client.response.read.size-hist</c> and <c>.time-hist</c> (their sums are KrakenD's <c>size</c> and <c>time</c>
/// counters) and the counter <c>.errors</c>, recorded by <see cref="PayloadRead"/>.
/// </summary>
internal static class PayloadReadMetrics
{
    public const string Prefix = "http.client.response.read.";

    public static readonly Histogram<long> Size = GatewayMetrics.Meter.CreateHistogram(
        Prefix + "size-hist", "By", "Bytes read from a backend's response body.", tags: null, SizeBuckets.Advice);

    public static readonly Histogram<double> Time = GatewayMetrics.Meter.CreateHistogram(
        Prefix + "time-hist", "s", "How long reading a backend's response body took.", tags: null, DurationBuckets.Advice);

    public static readonly Counter<long> Errors = GatewayMetrics.Meter.CreateCounter<long>(
        Prefix + "errors", "{error}", "Backend response bodies whose reading failed.");
}

using System.Diagnostics.Metrics;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.Metrics;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// The global layer's instruments, on <see cref="GatewayMetrics.Meter"/>, named as KrakenD names them:
/// <c>http.server.duration</c> by default, <c>http.server.request.duration</c> with <c>semantic_convention</c> 1.27; both
/// in seconds; <c>http.server.response.size</c> (1.27: <c>http.server.response.body.size</c>) in bytes, for the responses
/// whose length is known (<c>Content-Length</c>, which the gateway sets on what it writes itself).
/// <c>http.server.active_requests</c> counts the requests being served.
/// </summary>
internal sealed class ServerMetrics
{
    /// <summary>The semantic conventions' buckets for HTTP durations, 5 ms to 10 s.</summary>
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public ServerMetrics(string semanticConvention)
    {
        var current = semanticConvention == "1.27";
        Duration = GatewayMetrics.Meter.CreateHistogram(
            current ? "http.server.request.duration" : "http.server.duration",
            unit: "s",
            description: "Duration of HTTP server requests.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        ResponseSize = GatewayMetrics.Meter.CreateHistogram(
            current ? "http.server.response.body.size" : "http.server.response.size",
            unit: "By",
            description: "Size of HTTP server response bodies.",
            tags: null,
            advice: SizeBuckets.Advice);
        ActiveRequests = GatewayMetrics.Meter.CreateUpDownCounter<long>(
            "http.server.active_requests", unit: "{request}", description: "Number of active HTTP server requests.");
    }

    public Histogram<double> Duration { get; }

    public Histogram<long> ResponseSize { get; }

    public UpDownCounter<long> ActiveRequests { get; }
}

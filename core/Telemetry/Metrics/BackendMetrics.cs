using System.Diagnostics.Metrics;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// KrakenD's <c>krakend.backend.duration</c>: how long each call of a backend takes as the pipe sees it (resilience,
/// policies, the HTTP call, decoding and formatting), labelled by <see cref="BackendRoute"/> and, unlike KrakenD's stage
/// metric, by the backend's <c>http.response.status_code</c> when it answered. The backend's own <c>backend</c> layer,
/// else the service's, may switch it off (<c>disable_stage</c>) and adds its static attributes; a path of
/// <c>skip_paths</c> reports nothing.
/// </summary>
internal static class BackendMetrics
{
    private static readonly Histogram<double> Duration = GatewayMetrics.Meter.CreateHistogram(
        "krakend.backend.duration", "s", "How long a backend call took.", tags: null, DurationBuckets.Advice);

    /// <summary><paramref name="next"/>, timed unless <paramref name="telemetry"/> switches the backend's metrics off.</summary>
    public static Proxy Create(BackendRoute route, OpenTelemetryOptions telemetry, Proxy next)
    {
        var metrics = telemetry.BackendLayerOf(route.Backend).Metrics;
        if (metrics.DisableStage || (route.Endpoint is { } endpoint && telemetry.Skips(endpoint)))
        {
            return next;
        }

        return new StageMeter(Duration, MetricTags.With(route.Tags, metrics.StaticAttributes), reportsStatus: true).Wrap(next);
    }
}

using System.Diagnostics.Metrics;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// KrakenD's <c>krakend.proxy.duration</c>: how long each endpoint's pipe takes (every backend, merge and manipulation,
/// not the router's layers), labelled <c>http.request.method</c> and <c>http.route</c> (<c>/users/:id</c>). The endpoint's
/// own <c>proxy</c> layer, else the service's, may switch it off; a path of <c>skip_paths</c> reports nothing.
/// </summary>
internal static class ProxyMetrics
{
    private static readonly Histogram<double> Duration = GatewayMetrics.Meter.CreateHistogram(
        "krakend.proxy.duration", "s", "How long an endpoint's pipe took.", tags: null, DurationBuckets.Advice);

    /// <summary><paramref name="next"/>, timed unless <paramref name="telemetry"/> switches the endpoint's metrics off.</summary>
    public static Proxy Create(EndpointConfig endpoint, OpenTelemetryOptions telemetry, Proxy next)
    {
        var layer = telemetry.ProxyLayerOf(endpoint);
        if (layer.DisableMetrics || telemetry.Skips(endpoint))
        {
            return next;
        }

        KeyValuePair<string, object?>[] tags =
        [
            new("http.request.method", endpoint.Method),
            new("http.route", MetricRoute.OfEndpoint(endpoint.Endpoint)),
        ];
        return new StageMeter(Duration, MetricTags.With(tags, layer.MetricsStaticAttributes), reportsStatus: false).Wrap(next);
    }
}

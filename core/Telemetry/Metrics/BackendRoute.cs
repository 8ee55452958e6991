using Switchyard.Core.Configuration;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// A backend as its metrics name it, as KrakenD does: its method and <c>http.route</c> (the <c>url_pattern</c> without
/// its query, see <see cref="MetricRoute"/>), and the endpoint it serves (<c>krakend.endpoint.route</c> and
/// <c>.method</c>) when it is known (a durable step runs a backend alone).
/// </summary>
internal sealed record BackendRoute(BackendConfig Backend, EndpointConfig? Endpoint)
{
    /// <summary>The labels, in KrakenD's order.</summary>
    public KeyValuePair<string, object?>[] Tags { get; } =
    [
        new("http.request.method", Backend.Method),
        new("http.route", MetricRoute.OfBackend(Backend.UrlPattern)),
        .. Endpoint is null
            ? []
            : (KeyValuePair<string, object?>[])
            [
                new("krakend.endpoint.route", MetricRoute.OfEndpoint(Endpoint.Endpoint)),
                new("krakend.endpoint.method", Endpoint.Method),
            ],
    ];
}

using Switchyard.Core.Configuration;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// A route as the metrics' <c>http.route</c> shows it, as KrakenD does: an endpoint's <c>{x}</c> as <c>:x</c>
/// (<c>/users/:id</c>), and a backend's <c>url_pattern</c> with its placeholders as <c>:x</c> in lower case (KrakenD
/// reads them as <c>{{.X}}</c> and lowers them).
/// </summary>
/// <remarks>
/// Unlike KrakenD, a backend's query string is left out: a <c>url_pattern</c> may carry a static key (<c>?key=...</c>),
/// and no label may hold a credential.
/// </remarks>
internal static class MetricRoute
{
    /// <summary>An endpoint's route: <c>/users/{id}</c> becomes <c>/users/:id</c>.</summary>
    public static string OfEndpoint(string endpoint) =>
        UrlPatternPlaceholders.Pattern().Replace(endpoint, match => ":" + match.Groups[1].Value);

    /// <summary>A backend's route: <c>/users/{userId}?key=k</c> becomes <c>/users/:userid</c>.</summary>
    public static string OfBackend(string urlPattern)
    {
        var query = urlPattern.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? urlPattern : urlPattern[..query];
        return UrlPatternPlaceholders.Pattern().Replace(path, match => ":" + match.Groups[1].Value.ToLowerInvariant());
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// <c>switchyard.http_cache.requests</c>: the calls of a backend with <c>qos/http-cache</c>, by
/// <c>switchyard.http_cache.outcome</c> — <c>hit</c> (answered from the store, fresh), <c>miss</c> (fetched),
/// <c>revalidated</c> (the stored answer confirmed by a 304), <c>stale</c> (a stored answer served because the backend
/// failed, as <c>stale-if-error</c> allows) or <c>bypass</c> (a method or a <c>Range</c> the cache does not serve) — and by
/// the backend's <c>http.request.method</c> and <c>http.route</c> (its <c>url_pattern</c> without the query, never the
/// called URL: the cache's key).
/// </summary>
internal sealed class HttpCacheMetrics
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Revalidated = "revalidated";
    public const string Stale = "stale";
    public const string Bypass = "bypass";

    private static readonly Counter<long> Requests = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.http_cache.requests", "{request}", "Backend calls through the HTTP cache, by outcome.");

    private readonly KeyValuePair<string, object?>[] _tags;

    /// <summary>The metrics of <paramref name="backend"/>'s cache.</summary>
    public HttpCacheMetrics(BackendConfig backend) =>
        _tags = [new("http.request.method", backend.Method), new("http.route", MetricRoute.OfBackend(backend.UrlPattern))];

    /// <summary>One call ended with <paramref name="outcome"/>.</summary>
    public void Record(string outcome)
    {
        if (Requests.Enabled)
        {
            Requests.Add(1, new TagList(_tags.AsSpan()) { { "switchyard.http_cache.outcome", outcome } });
        }
    }
}

using System.Diagnostics.Metrics;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// <c>switchyard.ratelimit.rejections</c>: requests a rate limit refused, labelled by <c>switchyard.ratelimit.layer</c>
/// (<c>router</c>: an endpoint's <c>qos/ratelimit/router</c>; <c>proxy</c>: a backend's <c>qos/ratelimit/proxy</c>),
/// <c>switchyard.ratelimit.scope</c> (<c>global</c>: the endpoint's or backend's one bucket; <c>client</c>: a client's
/// own bucket, or a request without a client key) and the route it guards. The client's key is never a label.
/// </summary>
public static class RateLimitMetrics
{
    private static readonly Counter<long> Rejections = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.ratelimit.rejections", "{request}", "Requests a rate limit refused.");

    /// <summary>The fixed labels of an endpoint's router limit, in <paramref name="scope"/>.</summary>
    public static KeyValuePair<string, object?>[] RouterTags(string method, string endpoint, string scope) =>
    [
        new("switchyard.ratelimit.layer", "router"),
        new("switchyard.ratelimit.scope", scope),
        new("http.request.method", method),
        new("http.route", MetricRoute.OfEndpoint(endpoint)),
    ];

    /// <summary>The fixed labels of a backend's proxy limit.</summary>
    internal static KeyValuePair<string, object?>[] ProxyTags(BackendRoute route) =>
    [
        new("switchyard.ratelimit.layer", "proxy"),
        new("switchyard.ratelimit.scope", "global"),
        .. route.Tags,
    ];

    /// <summary>One refused request.</summary>
    public static void Rejected(KeyValuePair<string, object?>[] tags)
    {
        if (Rejections.Enabled)
        {
            Rejections.Add(1, tags.AsSpan());
        }
    }
}

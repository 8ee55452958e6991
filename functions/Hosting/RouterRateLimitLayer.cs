using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Core.Telemetry.Metrics;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// An endpoint's <c>qos/ratelimit/router</c> layer, inside the JWT layers (a refused token takes no token here): the
/// client's bucket first, then the endpoint's. A request without a client key, or whose client bucket is empty, is
/// answered 429; one the endpoint's bucket refuses, 503; both with KrakenD's status-only rejection, and counted
/// (<see cref="RateLimitMetrics"/>, scope <c>client</c> or <c>global</c>).
/// </summary>
internal sealed class RouterRateLimitLayer
{
    private readonly BucketLimiter? _endpoint;
    private readonly ClientBuckets? _clients;
    private readonly ClientKey? _clientKey;
    private readonly KeyValuePair<string, object?>[] _clientRejection;
    private readonly KeyValuePair<string, object?>[] _globalRejection;

    public RouterRateLimitLayer(RouterRateLimitOptions options, ClientAddress addresses, TimeProvider time, EndpointConfig endpoint)
    {
        _clientRejection = RateLimitMetrics.RouterTags(endpoint.Method, endpoint.Endpoint, "client");
        _globalRejection = RateLimitMetrics.RouterTags(endpoint.Method, endpoint.Endpoint, "global");
        if (options.MaxRate > 0)
        {
            _endpoint = new BucketLimiter(options.MaxRate, options.Every, options.Burst, time);
        }

        // The validator refused a client rate without a strategy.
        if (options.ClientMaxRate > 0 && options.ClientStrategy is { } strategy)
        {
            _clients = new ClientBuckets(options, time);
            _clientKey = new ClientKey(strategy, options.Key, addresses);
        }
    }

    /// <summary>The endpoint handler <paramref name="next"/> behind this layer.</summary>
    public RouteHandler Wrap(RouteHandler next) => (context, parameters) => TryAnswer(context, parameters) ?? next(context, parameters);

    private Task? TryAnswer(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (_clients is not null && (_clientKey!.Of(context, parameters) is not { Length: > 0 } key || !_clients.TryTake(key)))
        {
            RateLimitMetrics.Rejected(_clientRejection);
            return StatusOnlyResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests);
        }

        if (_endpoint is not null && !_endpoint.TryTake())
        {
            RateLimitMetrics.Rejected(_globalRejection);
            return StatusOnlyResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable);
        }

        return null;
    }
}

using Microsoft.AspNetCore.Http;
using Switchyard.Core.Resilience.RateLimit;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// An endpoint's <c>qos/ratelimit/router</c> layer, inside the JWT layers (a refused token takes no token here): the
/// client's bucket first, then the endpoint's. A request without a client key, or whose client bucket is empty, is
/// answered 429; one the endpoint's bucket refuses, 503; both with KrakenD's status-only rejection.
/// </summary>
internal sealed class RouterRateLimitLayer
{
    private readonly BucketLimiter? _endpoint;
    private readonly ClientBuckets? _clients;
    private readonly ClientKey? _clientKey;

    public RouterRateLimitLayer(RouterRateLimitOptions options, ClientAddress addresses, TimeProvider time)
    {
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
            return StatusOnlyResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests);
        }

        if (_endpoint is not null && !_endpoint.TryTake())
        {
            return StatusOnlyResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable);
        }

        return null;
    }
}

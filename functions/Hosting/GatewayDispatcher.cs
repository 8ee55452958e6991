using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Security.BotDetection;
using Switchyard.Core.Security.Cors;
using Switchyard.Core.Security.HttpSecurity;
using Switchyard.Functions.Routing;
using Switchyard.Functions.Telemetry;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The gateway's only middleware. The service's layers around the route lookup, outermost first, can be read here and
/// only here (an endpoint's own layers are <see cref="EndpointHandlerFactory"/>'s):
/// <code>
/// service: telemetry's global layer (server span, http.server metrics; named by the route found first)
///          → CORS → security/http → bot detector → the route's handler, or the router's 404/405/redirect
/// </code>
/// CORS sees every request and answers preflights itself. The routes the platform calls (<see cref="GatewayRoute.CalledByPlatform"/>:
/// health, the Functions host) skip security/http and the bot detector, as KrakenD registers its health endpoint before
/// them; 404 and 405 answers go through every layer (with the router's <c>error_body</c> when configured). A layer that
/// answers a request runs nothing inside it.
/// </summary>
internal sealed class GatewayDispatcher(
    RouteTable<GatewayRoute> routes,
    RouterErrorBodies? errorBodies = null,
    CorsLayer? cors = null,
    HttpSecurityLayer? httpSecurity = null,
    BotDetectorLayer? bots = null,
    GlobalTelemetryLayer? telemetry = null)
{
    /// <summary>The dispatcher of <paramref name="config"/>'s service layers around <paramref name="routes"/>.</summary>
    public static GatewayDispatcher Create(
        ServiceConfig config, RouteTable<GatewayRoute> routes, ILoggerFactory loggers, GlobalTelemetryLayer? telemetry = null)
    {
        var logger = loggers.CreateLogger("Switchyard.Security");
        return new GatewayDispatcher(
            routes,
            RouterSettings.ErrorBodiesOf(config.Router),
            config.Cors is { } cors ? new CorsLayer(new CorsPolicy(cors), logger) : null,
            config.HttpSecurity is { } security ? new HttpSecurityLayer(new HttpSecurityPolicy(security)) : null,
            config.BotDetector is { } detector ? new BotDetectorLayer(new BotDetector(detector), "SERVICE", logger) : null,
            telemetry);
    }

    public Task DispatchAsync(HttpContext context)
    {
        // The route is looked up before any layer runs, so the request's span and metrics carry its pattern even when
        // CORS or a security layer answers it.
        var target = RequestTarget.From(context.Request);
        var match = routes.Match(context.Request.Method, target);
        if (telemetry is null)
        {
            return DispatchAsync(context, target, match);
        }

        var route = match.Kind == RouteMatchKind.Found ? match.Value!.Pattern : null;
        return telemetry.ObserveAsync(context, route, () => DispatchAsync(context, target, match));
    }

    private Task DispatchAsync(HttpContext context, RequestTarget target, RouteMatch<GatewayRoute> match)
    {
        if (cors?.TryAnswer(context) is { } preflight)
        {
            return preflight;
        }

        if (match.Kind != RouteMatchKind.Found || !match.Value!.CalledByPlatform)
        {
            if (httpSecurity?.TryAnswer(context, target) is { } stopped)
            {
                return stopped;
            }

            if (bots?.TryAnswer(context) is { } rejected)
            {
                return rejected;
            }
        }

        return match.Kind == RouteMatchKind.Found
            ? match.Value!.Handler(context, match.Parameters)
            : RouterResponses.WriteUnmatchedAsync(context, match, errorBodies);
    }
}

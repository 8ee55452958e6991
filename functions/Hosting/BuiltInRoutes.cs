using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Health;
using Switchyard.Functions.BuiltIn;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The built-in endpoints a configuration enables: health (unless disabled; probes call it, see
/// <see cref="GatewayRoute.CalledByPlatform"/>), debug and echo (when asked).
/// </summary>
internal static class BuiltInRoutes
{
    public static IEnumerable<RouteEntry<GatewayRoute>> For(ServiceConfig config, IServiceProvider services)
    {
        if (!config.Router.DisableHealth)
        {
            var health = new HealthEndpoint(services.GetRequiredService<AgentHealthRegistry>(), services.GetRequiredService<TimeProvider>());
            yield return new RouteEntry<GatewayRoute>(
                "GET", config.Router.HealthPath, new GatewayRoute((context, _) => health.HandleAsync(context), CalledByPlatform: true));
        }

        if (config.DebugEndpoint)
        {
            var debug = new DebugEndpoint(services.GetRequiredService<ILogger<DebugEndpoint>>());
            yield return new RouteEntry<GatewayRoute>(RouteMethods.Any, DebugEndpoint.Pattern, new GatewayRoute((context, _) => debug.HandleAsync(context)));
        }

        if (config.EchoEndpoint)
        {
            var echo = new EchoEndpoint();
            yield return new RouteEntry<GatewayRoute>(RouteMethods.Any, EchoEndpoint.Pattern, new GatewayRoute((context, _) => echo.HandleAsync(context)));
        }
    }
}

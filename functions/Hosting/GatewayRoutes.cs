using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Durable;
using Switchyard.Functions.FanOut;
using Switchyard.Functions.Routing;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The route table of a configuration: its endpoints, the built-in endpoints it enables and, under the Functions host,
/// the routes the host calls; each marked with who calls it (<see cref="GatewayRoute.CalledByPlatform"/>).
/// </summary>
internal static class GatewayRoutes
{
    public static RouteTable<GatewayRoute> Build(ServiceConfig config, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchyard.Endpoints");
        var handlers = new EndpointHandlerFactory(
            config,
            services.GetRequiredService<ProxyFactory>(),
            EncoderRegistry.Default,
            services.GetRequiredService<JwkSources>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<DurableEngineHost>(),
            logger);
        var behaviour = RouterSettings.BehaviourOf(config.Router);
        var entries = new List<RouteEntry<GatewayRoute>>();
        foreach (var endpoint in config.Endpoints)
        {
            entries.Add(new RouteEntry<GatewayRoute>(endpoint.Method, endpoint.Endpoint, new GatewayRoute(handlers.Create(endpoint))));
        }

        if (config.Router.AutoOptions)
        {
            entries.AddRange(Routes(AutoOptions(config.Endpoints), calledByPlatform: false));
        }

        entries.AddRange(BuiltInRoutes.For(config, services));
        entries.AddRange(Routes(AdminRoutes.For(config, services), calledByPlatform: false));
        entries.AddRange(Routes(FanOutRoutes.For(config, services), calledByPlatform: false));
        entries.AddRange(Routes(DurableRoutes.For(config, services), calledByPlatform: false));
        if (services.GetRequiredService<ServerlessOptions>().UnderFunctionsHost)
        {
            var invocations = ServerlessRoutes.For(config, services, new RouteTable<GatewayRoute>(entries, behaviour));
            entries.AddRange(Routes(invocations, calledByPlatform: true));
        }

        return new RouteTable<GatewayRoute>(entries.Select(Named), behaviour);
    }

    private static RouteEntry<GatewayRoute> Named(RouteEntry<GatewayRoute> entry) =>
        entry with { Value = entry.Value with { Pattern = entry.Pattern } };

    // The router's auto_options: OPTIONS on each endpoint path answers 200 with the path's methods, sorted, in Allow.
    private static IEnumerable<RouteEntry<RouteHandler>> AutoOptions(IReadOnlyList<EndpointConfig> endpoints)
    {
        foreach (var path in endpoints.GroupBy(endpoint => endpoint.Endpoint, StringComparer.Ordinal))
        {
            var allow = string.Join(", ", path.Select(endpoint => endpoint.Method).Distinct().Order(StringComparer.Ordinal));
            yield return new RouteEntry<RouteHandler>(RouteMethods.Options, path.Key, (context, _) =>
            {
                context.Response.Headers.Allow = allow;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            });
        }
    }

    private static IEnumerable<RouteEntry<GatewayRoute>> Routes(IEnumerable<RouteEntry<RouteHandler>> entries, bool calledByPlatform) =>
        entries.Select(entry => new RouteEntry<GatewayRoute>(entry.Method, entry.Pattern, new GatewayRoute(entry.Value, calledByPlatform)));
}

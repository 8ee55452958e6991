using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.FanOut;
using Switchyard.Functions.Routing;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The route table of a configuration: its endpoints, the built-in endpoints it enables and, under the Functions host,
/// the routes the host calls.
/// </summary>
internal static class GatewayRoutes
{
    public static RouteTable<RouteHandler> Build(ServiceConfig config, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchyard.Endpoints");
        var handlers = new EndpointHandlerFactory(config, services.GetRequiredService<ProxyFactory>(), EncoderRegistry.Default, logger);
        var behaviour = RouterSettings.BehaviourOf(config.Router);
        var entries = new List<RouteEntry<RouteHandler>>();
        foreach (var endpoint in config.Endpoints)
        {
            entries.Add(new RouteEntry<RouteHandler>(endpoint.Method, endpoint.Endpoint, handlers.Create(endpoint)));
        }

        if (config.Router.AutoOptions)
        {
            entries.AddRange(AutoOptions(config.Endpoints));
        }

        entries.AddRange(BuiltInRoutes.For(config, services));
        entries.AddRange(AdminRoutes.For(config, services));
        entries.AddRange(FanOutRoutes.For(config, services));
        if (services.GetRequiredService<ServerlessOptions>().UnderFunctionsHost)
        {
            entries.AddRange(ServerlessRoutes.For(config, services, new RouteTable<RouteHandler>(entries, behaviour)));
        }

        return new RouteTable<RouteHandler>(entries, behaviour);
    }

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
}

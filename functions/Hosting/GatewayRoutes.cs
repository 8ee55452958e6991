using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.Jwt;
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
        var handlers = new EndpointHandlerFactory(
            config,
            services.GetRequiredService<ProxyFactory>(),
            EncoderRegistry.Default,
            services.GetRequiredService<JwkSources>(),
            services.GetRequiredService<TimeProvider>(),
            logger);
        var entries = new List<RouteEntry<RouteHandler>>();
        foreach (var endpoint in config.Endpoints)
        {
            entries.Add(new RouteEntry<RouteHandler>(endpoint.Method, endpoint.Endpoint, handlers.Create(endpoint)));
        }

        entries.AddRange(BuiltInRoutes.For(config, services));
        entries.AddRange(AdminRoutes.For(config, services));
        entries.AddRange(FanOutRoutes.For(config, services));
        if (services.GetRequiredService<ServerlessOptions>().UnderFunctionsHost)
        {
            entries.AddRange(ServerlessRoutes.For(config, services, new RouteTable<RouteHandler>(entries)));
        }

        return new RouteTable<RouteHandler>(entries);
    }
}

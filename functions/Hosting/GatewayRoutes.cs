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
        var factory = services.GetRequiredService<ProxyFactory>();
        var encoders = EncoderRegistry.Default;
        var entries = new List<RouteEntry<RouteHandler>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchyard.Endpoints");

        foreach (var endpoint in config.Endpoints)
        {
            var writer = new ResponseWriter(EncoderFor(endpoint, encoders), endpoint.CacheTtl, config.Router.ReturnErrorMessage);
            var handler = new EndpointHandler(endpoint, factory.CreateEndpoint(endpoint), writer, !config.Router.DisablePathDecoding, logger);
            entries.Add(new RouteEntry<RouteHandler>(endpoint.Method, endpoint.Endpoint, handler.HandleAsync));
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

    // KrakenD's fallback for an output encoding it has no render for: the render named like the single backend's
    // encoding (string, xml...), else json.
    private static IOutputEncoder EncoderFor(EndpointConfig endpoint, EncoderRegistry encoders)
    {
        if (encoders.TryGet(endpoint.OutputEncoding, out var encoder))
        {
            return encoder;
        }

        return endpoint.Backends.Count == 1 ? encoders.Get(endpoint.Backends[0].Encoding) : encoders.Get(EncodingNames.Json);
    }
}

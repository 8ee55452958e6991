using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.BotDetection;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Builds the route handler of a published endpoint. The HTTP layers around the endpoint's pipe, outermost first, can
/// be read here and only here (the pipe's own layers are <see cref="ProxyFactory"/>'s):
/// <code>
/// endpoint: bot detector → encoded-params check → request body → request reader → pipe (ProxyFactory) → response writer
/// </code>
/// A layer that rejects a request answers it itself and never calls the layers inside it.
/// </summary>
internal sealed class EndpointHandlerFactory(ServiceConfig config, ProxyFactory proxies, EncoderRegistry encoders, ILogger logger)
{
    private readonly ClientAddress _clientAddress = new(config.Router);

    public RouteHandler Create(EndpointConfig endpoint)
    {
        var writer = new ResponseWriter(EncoderFor(endpoint), endpoint.CacheTtl, config.Router.ReturnErrorMessage);
        var handler = new EndpointHandler(
            endpoint, proxies.CreateEndpoint(endpoint), writer, _clientAddress, !config.Router.DisablePathDecoding, logger);
        RouteHandler endpointHandler = handler.HandleAsync;
        return endpoint.BotDetector is { } bots
            ? new BotDetectorLayer(new BotDetector(bots), "ENDPOINT: " + endpoint.Endpoint, logger).Wrap(endpointHandler)
            : endpointHandler;
    }

    // KrakenD's fallback for an output encoding it has no render for: the render named like the single backend's
    // encoding (string, xml...), else json.
    private IOutputEncoder EncoderFor(EndpointConfig endpoint)
    {
        if (encoders.TryGet(endpoint.OutputEncoding, out var encoder))
        {
            return encoder;
        }

        return endpoint.Backends.Count == 1 ? encoders.Get(endpoint.Backends[0].Encoding) : encoders.Get(EncodingNames.Json);
    }
}

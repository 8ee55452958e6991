using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.BotDetection;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Durable;
using Switchyard.Functions.Security;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Builds the route handler of a published endpoint. The HTTP layers around the endpoint's pipe, outermost first, can
/// be read here and only here (the pipe's own layers are <see cref="ProxyFactory"/>'s):
/// <code>
/// endpoint: bot detector (security/bot-detector: 403) → JWT validator (auth/validator: 401, 403)
///           → JWT signer's key check (auth/signer: 401 until it is loaded)
///           → rate limit (qos/ratelimit/router: client 429, then endpoint 503) → encoded-params check → request body
///           → request reader → pipe (ProxyFactory; a durable endpoint's: a flow started and waited for, else 202)
///           → response writer (with auth/signer, the signer's: signed members, 400 on a failed pipe)
/// </code>
/// A layer that rejects a request answers it itself and never calls the layers inside it.
/// </summary>
internal sealed class EndpointHandlerFactory(
    ServiceConfig config,
    ProxyFactory proxies,
    EncoderRegistry encoders,
    JwkSources keys,
    TimeProvider time,
    DurableEngineHost? durable,
    ILogger logger)
{
    private readonly ClientAddress _clientAddress = new(config.Router);

    public RouteHandler Create(EndpointConfig endpoint)
    {
        var signer = endpoint.JwtSigner is { } signing
            ? new JwtSigner(signing, keys.For(signing.Keys, JwtValidatorOptions.DefaultCacheDuration, JwtValidatorOptions.DefaultFailedKeyCooldown), JwtLogBridge.For(logger))
            : null;
        IResponseWriter writer = signer is not null
            ? new SignedResponseWriter(signer)
            : new ResponseWriter(EncoderFor(endpoint), endpoint.CacheTtl, config.Router.ReturnErrorMessage);

        var requests = new EndpointRequests(endpoint, _clientAddress, !config.Router.DisablePathDecoding);
        RouteHandler handler = endpoint.IsDurable && durable is not null
            ? new DurableEndpointHandler(endpoint, requests, writer, durable, logger).HandleAsync
            : new EndpointHandler(endpoint, requests, proxies.CreateEndpoint(endpoint), writer, logger).HandleAsync;
        if (endpoint.RateLimit is { } limit)
        {
            handler = new RouterRateLimitLayer(limit, _clientAddress, time, endpoint).Wrap(handler);
        }

        if (signer is not null)
        {
            handler = new JwtSignerLayer(signer).Wrap(handler);
        }

        if (endpoint.JwtValidator is { } validating)
        {
            var source = keys.For(validating.Keys, validating.MaxKeySetAge, validating.FailedKeyCooldown);
            var validator = new JwtValidator(validating, source, JwtClaimChecks.For(endpoint), time);
            handler = new JwtValidatorLayer(validator, logger, endpoint.Method, endpoint.Endpoint).Wrap(handler);
        }

        if (endpoint.BotDetector is { } bots)
        {
            handler = new BotDetectorLayer(new BotDetector(bots), "ENDPOINT: " + endpoint.Endpoint, logger).Wrap(handler);
        }

        return handler;
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

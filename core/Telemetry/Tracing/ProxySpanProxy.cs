using System.Diagnostics;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// The proxy span of a pipe (KrakenD's proxy stage): one per request of an endpoint, a workflow or an agent, named by
/// the pattern as configured (<c>/users/{id}</c>), with <c>krakend.stage=proxy</c>, <c>http.route</c>, the method, the
/// layer's static attributes and reported headers; its backends' spans are its children. A span that nobody records
/// is never created.
/// </summary>
internal static class ProxySpanProxy
{
    /// <param name="endpoint">The pipe's endpoint (or workflow).</param>
    /// <param name="name">The span's name.</param>
    /// <param name="layer">The endpoint's proxy layer options.</param>
    /// <param name="next">The pipe.</param>
    public static Proxy Create(EndpointConfig endpoint, string name, ProxyLayerOptions layer, Proxy next)
    {
        if (layer.DisableTraces)
        {
            return next;
        }

        var attributes = new LayerAttributes(layer.TracesStaticAttributes, layer.ReportHeaders, layer.SkipHeaders, endpoint.JwtValidator?.AuthHeaderName);
        var route = endpoint.Endpoint;
        var workflow = name == route ? null : route;
        return new SpannedCall(name, ActivityKind.Internal, (span, request) =>
        {
            span.SetTag(SpanAttributes.Stage, "proxy");
            span.SetTag(SpanAttributes.Route, route);
            span.SetTag(SpanAttributes.RequestMethod, endpoint.Method);
            span.SetTag(SpanAttributes.Workflow, workflow);
            attributes.Add(span, request.Headers);
        }).Wrap(next);
    }
}

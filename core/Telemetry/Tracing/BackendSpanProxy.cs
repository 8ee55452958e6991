using System.Diagnostics;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// The backend span of one backend call (KrakenD's backend stage), a child of its pipe's span: named by the backend's
/// <c>url_pattern</c> as configured without its query (a pattern may hold a key there), kind Client, with <c>krakend.stage=backend</c>, the HTTP client attributes of the
/// semantic conventions once the host is picked (<c>server.address</c>, <c>server.port</c>, <c>url.full</c> with its
/// query values redacted), the backend's group and step, and what the layers inside it decided (breaker, rate limit,
/// policies, cache: <see cref="CurrentSpan"/>). The HTTP call made inside it carries its <c>traceparent</c>. A backend
/// that opens a workflow gets this span too (without a URL), and the workflow's pipe span is its child.
/// </summary>
internal static class BackendSpanProxy
{
    /// <summary>What OpenTelemetry's conventions put in place of a redacted value.</summary>
    public const string Redacted = "REDACTED";

    /// <param name="endpoint">The endpoint the backend belongs to; null for a durable step, run on its own.</param>
    /// <param name="backend">The backend.</param>
    /// <param name="step">Its position among the endpoint's backends.</param>
    /// <param name="layer">The backend's span options.</param>
    /// <param name="next">The call.</param>
    public static Proxy Create(EndpointConfig? endpoint, BackendConfig backend, int step, BackendSignalOptions layer, Proxy next)
    {
        if (layer.DisableStage)
        {
            return next;
        }

        var name = NameOf(backend);
        var kind = backend.Workflow is null ? ActivityKind.Client : ActivityKind.Internal;
        var attributes = new LayerAttributes(layer.StaticAttributes, layer.ReportHeaders, layer.SkipHeaders, endpoint?.JwtValidator?.AuthHeaderName);
        object position = step;
        return new SpannedCall(name, kind, (span, request) =>
        {
            span.SetTag(SpanAttributes.Stage, "backend");
            span.SetTag(SpanAttributes.Route, name);
            span.SetTag(SpanAttributes.Endpoint, endpoint?.Endpoint);
            span.SetTag(SpanAttributes.RequestMethod, request.Method);
            span.SetTag(SpanAttributes.Step, position);
            span.SetTag(SpanAttributes.BackendGroup, backend.Group);
            span.SetTag(SpanAttributes.Workflow, backend.Workflow?.Endpoint);
            if (request.Url is { } url)
            {
                span.SetTag(SpanAttributes.ServerAddress, url.Host);
                span.SetTag(SpanAttributes.ServerPort, url.Port);
                span.SetTag(SpanAttributes.UrlFull, WithRedactedQuery(url));
            }

            attributes.Add(span, request.Headers);
        }).Wrap(next);
    }

    /// <summary>The span name of <paramref name="backend"/>'s calls: its <c>url_pattern</c> without the query.</summary>
    public static string NameOf(BackendConfig backend) => backend.UrlPattern.Split('?', 2)[0];

    /// <summary>
    /// The URL with every query value replaced by <see cref="Redacted"/> (the names kept): a query can carry an API key
    /// or a signature, and a span is no place for it.
    /// </summary>
    public static string WithRedactedQuery(Uri url)
    {
        var query = url.Query;
        if (query.Length <= 1)
        {
            return url.GetLeftPart(UriPartial.Path);
        }

        var redacted = string.Join('&', query[1..].Split('&').Select(pair => pair.Split('=', 2)[0] + "=" + Redacted));
        return url.GetLeftPart(UriPartial.Path) + "?" + redacted;
    }
}

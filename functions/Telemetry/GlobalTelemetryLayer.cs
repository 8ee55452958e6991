using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using Switchyard.Core.Configuration;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// KrakenD's global layer: one server span per request and the <c>http.server.*</c> metrics, around everything the
/// gateway does with the request (CORS, security, routing, the endpoint). Our own rather than ASP.NET Core's
/// instrumentation: the gateway routes requests itself (<c>GatewayDispatcher</c>), so ASP.NET Core never learns the
/// route template and would name every span after the method alone.
/// </summary>
/// <remarks>
/// The span is named by the method and the route's pattern (<c>GET /users/{id}</c>, never the raw path); a request that
/// matches no route (404, 405, a redirect) is named by its method alone and has no <c>http.route</c>, as the semantic
/// conventions say, so a scan of random paths cannot explode the span names or the metric series.
/// </remarks>
internal sealed class GlobalTelemetryLayer
{
    private const string Stage = "krakend.stage";

    // W3C trace context and baggage, what KrakenD propagates by default.
    private static readonly TextMapPropagator Propagator =
        new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]);

    private static readonly string[] KnownMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

    private readonly GlobalLayerOptions _options;
    private readonly HashSet<string> _skipPaths;
    private readonly ReportedHeaders _headers;
    private readonly ServerMetrics _metrics;

    public GlobalTelemetryLayer(ServiceConfig config, OpenTelemetryOptions options)
    {
        _options = options.Global;
        _skipPaths = new HashSet<string>(options.SkipPaths, StringComparer.Ordinal);
        _headers = new ReportedHeaders(config, _options.SkipHeaders);
        _metrics = new ServerMetrics(_options.SemanticConvention);
    }

    /// <summary>Runs <paramref name="next"/> for the request, inside its span and timed.</summary>
    /// <param name="context">The request.</param>
    /// <param name="route">The matched route's pattern, or null when no route matched.</param>
    /// <param name="next">Everything the gateway does with the request.</param>
    public async Task ObserveAsync(HttpContext context, string? route, Func<Task> next)
    {
        var request = context.Request;
        var method = KnownMethods.Contains(request.Method) ? request.Method : "_OTHER";

        // As KrakenD, skip_paths only silence the metrics at this layer: the request's trace still starts here.
        var timed = !_options.DisableMetrics && !IsSkipped(route) && (_metrics.Duration.Enabled || _metrics.ActiveRequests.Enabled);
        var span = _options.DisableTraces ? null : StartSpan(context, method, route);
        var started = timed ? Stopwatch.GetTimestamp() : 0;
        var active = timed ? ActiveTags(method, request.Scheme) : default;
        if (timed)
        {
            _metrics.ActiveRequests.Add(1, active);
        }

        var failed = false;
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception exception) when (Fail(span, exception))
        {
            failed = true;
            throw;
        }
        finally
        {
            // An exception that escapes reaches Kestrel, which answers 500.
            var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            if (span is not null)
            {
                End(span, context, status);
            }

            if (timed)
            {
                _metrics.ActiveRequests.Add(-1, active);
                var tags = ResponseTags(method, request.Scheme, route, status);
                _metrics.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
                if (context.Response.ContentLength is { } size)
                {
                    _metrics.ResponseSize.Record(size, tags);
                }
            }
        }
    }

    /// <summary>A skip path is the route's pattern as written; <c>/__debug/</c> also names the catch-all <c>/__debug/*</c>.</summary>
    private bool IsSkipped(string? route) =>
        route is not null && (_skipPaths.Contains(route) || (route.EndsWith('*') && _skipPaths.Contains(route[..^1])));

    private Activity? StartSpan(HttpContext context, string method, string? route)
    {
        if (!GatewayTracing.Source.HasListeners())
        {
            return null;
        }

        var request = context.Request;

        // ASP.NET Core may have made its own request activity current (it does when anything listens to its diagnostics);
        // nothing exports it, so the server span must not hang under it: the span is a root, or the client's child. Each
        // write to the current activity or baggage is a copy of the request's execution context: only when needed.
        if (Activity.Current is not null)
        {
            Activity.Current = null;
        }

        var parent = default(ActivityContext);
        if (!_options.DisablePropagation)
        {
            var propagated = Propagator.Extract(default, request.Headers, static (headers, name) => headers[name]);
            parent = propagated.ActivityContext;
            if (propagated.Baggage.Count > 0)
            {
                Baggage.Current = propagated.Baggage;
            }
        }

        var name = method == "_OTHER" ? "HTTP" : method;
        var span = GatewayTracing.Source.StartActivity(route is null ? name : name + " " + route, ActivityKind.Server, parent);
        if (span is null || !span.IsAllDataRequested)
        {
            return span;
        }

        span.SetTag(Stage, "global");
        span.SetTag("http.request.method", method);
        if (method == "_OTHER")
        {
            span.SetTag("http.request.method_original", request.Method);
        }

        span.SetTag("url.scheme", request.Scheme);

        // The path, never the query: a query string may carry a token or a key.
        span.SetTag("url.path", request.Path.Value);
        span.SetTag("http.route", route);
        span.SetTag("server.address", request.Host.Host);
        span.SetTag("server.port", request.Host.Port ?? (request.IsHttps ? 443 : 80));
        span.SetTag("network.protocol.version", ProtocolVersion(request.Protocol));
        span.SetTag("client.address", context.Connection.RemoteIpAddress?.ToString());
        if (request.Headers.UserAgent is { Count: > 0 } agent)
        {
            span.SetTag("user_agent.original", agent.ToString());
        }

        foreach (var (key, value) in _options.TracesStaticAttributes)
        {
            span.SetTag(key, value);
        }

        if (_options.ReportHeaders)
        {
            _headers.Report(span, "http.request.header.", request.Headers);
        }

        return span;
    }

    private void End(Activity span, HttpContext context, int status)
    {
        if (span.IsAllDataRequested)
        {
            span.SetTag("http.response.status_code", status);
            if (_options.ReportHeaders)
            {
                _headers.Report(span, "http.response.header.", context.Response.Headers);
            }

            // The semantic conventions: a server span fails on a 5xx only (a 4xx is the client's mistake).
            if (status >= StatusCodes.Status500InternalServerError)
            {
                span.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                span.SetStatus(ActivityStatusCode.Error);
            }
        }

        span.Dispose();
    }

    // Records the exception on the span and lets it go on (a filter: the stack is not unwound for this).
    private static bool Fail(Activity? span, Exception exception)
    {
        span?.AddException(exception);
        span?.SetTag("error.type", exception.GetType().FullName);
        span?.SetStatus(ActivityStatusCode.Error, exception.Message);
        return true;
    }

    private static TagList ActiveTags(string method, string scheme) => new()
    {
        { "http.request.method", method },
        { "url.scheme", scheme },
    };

    private TagList ResponseTags(string method, string scheme, string? route, int status)
    {
        var tags = ActiveTags(method, scheme);
        if (route is not null)
        {
            tags.Add("http.route", route);
        }

        tags.Add("http.response.status_code", status);
        foreach (var (key, value) in _options.MetricsStaticAttributes)
        {
            tags.Add(key, value);
        }

        return tags;
    }

    private static string? ProtocolVersion(string protocol) => protocol switch
    {
        "HTTP/1.0" => "1.0",
        "HTTP/1.1" => "1.1",
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        _ => null,
    };
}

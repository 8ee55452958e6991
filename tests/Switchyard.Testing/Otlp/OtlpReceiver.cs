using System.Collections.Concurrent;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing.Otlp.Proto.Collector.Metrics;
using Switchyard.Testing.Otlp.Proto.Collector.Trace;

namespace Switchyard.Testing.Otlp;

/// <summary>
/// An OpenTelemetry collector reduced to what tests read: an OTLP/HTTP (protobuf) receiver on a free loopback port that
/// keeps the spans posted to <c>/v1/traces</c> and the histogram points posted to <c>/v1/metrics</c>. Point an
/// exporter at <see cref="Host"/>:<see cref="Port"/> with <c>use_http</c>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans;
    private readonly ConcurrentQueue<ReceivedHistogramPoint> _histograms;
    private readonly ConcurrentDictionary<string, bool> _metricNames;
    private readonly LoopbackServer _server;

    // The collections exist before the server, so its handler can fill them.
    private OtlpReceiver(
        ConcurrentQueue<ReceivedSpan> spans, ConcurrentQueue<ReceivedHistogramPoint> histograms, ConcurrentDictionary<string, bool> metricNames, LoopbackServer server)
    {
        _spans = spans;
        _histograms = histograms;
        _metricNames = metricNames;
        _server = server;
    }

    /// <summary>The address to put in an exporter's <c>host</c>.</summary>
    public string Host => _server.BaseAddress.Host;

    /// <summary>The port to put in an exporter's <c>port</c>.</summary>
    public int Port => _server.BaseAddress.Port;

    /// <summary>Every span received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>Every histogram point received so far, in arrival order (each export repeats cumulative points).</summary>
    public IReadOnlyList<ReceivedHistogramPoint> Histograms => [.. _histograms];

    /// <summary>The name of every metric received so far, of any kind.</summary>
    public IReadOnlyCollection<string> MetricNames => [.. _metricNames.Keys];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var spans = new ConcurrentQueue<ReceivedSpan>();
        var histograms = new ConcurrentQueue<ReceivedHistogramPoint>();
        var metricNames = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var server = await LoopbackServer.StartAsync(context => ReceiveAsync(context, spans, histograms, metricNames));
        return new OtlpReceiver(spans, histograms, metricNames, server);
    }

    /// <summary>
    /// Waits until the spans received satisfy <paramref name="done"/> and returns them; throws with what did arrive when
    /// <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var spans = Spans;
            if (done(spans))
            {
                return spans;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The spans expected did not arrive within {timeout.TotalSeconds} s; received: "
                    + string.Join(", ", spans.Select(span => $"'{span.Name}'")));
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits for a point of the histogram <paramref name="metric"/> labelled <c>http.route</c> = <paramref name="route"/>
    /// with at least one measurement; throws with the metrics that did arrive when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<ReceivedHistogramPoint> WaitForHistogramAsync(string metric, string route, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var point = Histograms.FirstOrDefault(point =>
                point.Metric == metric && Equals(point.Attributes.GetValueOrDefault("http.route"), route) && point.Count > 0);
            if (point is not null)
            {
                return point;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"No {metric} point for {route} within {timeout.TotalSeconds} s; received: "
                    + string.Join(", ", Histograms.Select(p => $"{p.Metric} {p.Attributes.GetValueOrDefault("http.route")}").Distinct()));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until a metric named <paramref name="metric"/> (of any kind) arrives; throws when <paramref name="timeout"/> passes first.</summary>
    public async Task WaitForMetricAsync(string metric, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_metricNames.ContainsKey(metric))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {metric} within {timeout.TotalSeconds} s; received: {string.Join(", ", MetricNames)}");
            }

            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task ReceiveAsync(
        HttpContext context, ConcurrentQueue<ReceivedSpan> spans, ConcurrentQueue<ReceivedHistogramPoint> histograms, ConcurrentDictionary<string, bool> metricNames)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        switch (context.Request.Path.Value)
        {
            case "/v1/traces":
                Keep(ExportTraceServiceRequest.Parser.ParseFrom(body), spans);
                break;
            case "/v1/metrics":
                Keep(ExportMetricsServiceRequest.Parser.ParseFrom(body), histograms, metricNames);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }

        // An empty export response: full success.
        context.Response.ContentType = "application/x-protobuf";
        context.Response.ContentLength = 0;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static void Keep(ExportTraceServiceRequest request, ConcurrentQueue<ReceivedSpan> spans)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpValues.Map(resourceSpans.Resource?.Attributes ?? []);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    spans.Enqueue(new ReceivedSpan(
                        OtlpValues.Hex(span.TraceId),
                        OtlpValues.Hex(span.SpanId),
                        OtlpValues.Hex(span.ParentSpanId),
                        span.Name,
                        span.Kind.ToString(),
                        span.Status?.Code.ToString() ?? "Unset",
                        OtlpValues.Map(span.Attributes),
                        resource,
                        scopeSpans.Scope?.Name ?? ""));
                }
            }
        }
    }

    private static void Keep(ExportMetricsServiceRequest request, ConcurrentQueue<ReceivedHistogramPoint> histograms, ConcurrentDictionary<string, bool> metricNames)
    {
        var metrics = request.ResourceMetrics.SelectMany(resource => resource.ScopeMetrics).SelectMany(scope => scope.Metrics).ToList();
        foreach (var metric in metrics)
        {
            metricNames.TryAdd(metric.Name, true);
        }

        foreach (var metric in metrics.Where(metric => metric.Histogram is not null))
        {
            foreach (var point in metric.Histogram.DataPoints)
            {
                histograms.Enqueue(new ReceivedHistogramPoint(metric.Name, metric.Unit, OtlpValues.Map(point.Attributes), point.Count));
            }
        }
    }
}

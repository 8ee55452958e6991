using System.Diagnostics;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Telemetry;

/// <summary>
/// KrakenD's <c>read_payload</c>: reading a backend's response body, which the HttpClient's round trip leaves out (it ends
/// once the headers are read). With <c>backend.traces.read_payload</c>, a span <c>http.client.response.read.tracker</c>
/// (source <see cref="GatewayTracing.PayloadSourceName"/>) under the backend span, with the bytes read (<c>http.client.response.read.size</c>) and the seconds taken
/// (<c>.time</c>) and the layer's static attributes; with <c>backend.metrics.read_payload</c>, the
/// <see cref="PayloadReadMetrics"/>, labelled as the backend's own metrics. Both are on when the layer's object is
/// absent, as in KrakenD. Nobody listening, the body is read as it is without them.
/// </summary>
internal sealed class PayloadRead
{
    private const string SpanName = PayloadReadMetrics.Prefix + "tracker";

    private readonly IReadOnlyList<KeyValuePair<string, string>>? _spanAttributes;
    private readonly KeyValuePair<string, object?>[]? _labels;

    private PayloadRead(IReadOnlyList<KeyValuePair<string, string>>? spanAttributes, KeyValuePair<string, object?>[]? labels)
    {
        _spanAttributes = spanAttributes;
        _labels = labels;
    }

    /// <summary>The tracker of <paramref name="route"/>'s body reads, or null when neither of its layers asks for one.</summary>
    /// <param name="route">The backend.</param>
    /// <param name="telemetry">The service's telemetry, with the backend's own layer.</param>
    /// <param name="traced">Whether the backend's endpoint has spans at all (<c>skip_paths</c>).</param>
    public static PayloadRead? For(BackendRoute route, OpenTelemetryOptions telemetry, bool traced)
    {
        var layer = telemetry.BackendLayerOf(route.Backend);
        var spanAttributes = traced && Reads(layer.Traces) ? layer.Traces.StaticAttributes : null;
        var measured = Reads(layer.Metrics) && !(route.Endpoint is { } endpoint && telemetry.Skips(endpoint));
        var labels = measured ? MetricTags.With(route.Tags, layer.Metrics.StaticAttributes) : null;
        return spanAttributes is null && labels is null ? null : new PayloadRead(spanAttributes, labels);
    }

    /// <summary>As the round trip: a part of the backend stage, so <c>disable_stage</c> switches it off too.</summary>
    private static bool Reads(BackendSignalOptions signal) => signal is { DisableStage: false, ReadPayload: true };

    /// <summary>The body, as <see cref="BackendBody.ReadAsync"/> reads it, tracked.</summary>
    public ValueTask<PooledBufferWriter> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var traced = _spanAttributes is not null && GatewayTracing.PayloadSource.HasListeners();
        var measured = _labels is not null && (PayloadReadMetrics.Size.Enabled || PayloadReadMetrics.Time.Enabled || PayloadReadMetrics.Errors.Enabled);
        return traced || measured ? TrackedAsync(content, traced, measured, cancellationToken) : BackendBody.ReadAsync(content, cancellationToken);
    }

    private async ValueTask<PooledBufferWriter> TrackedAsync(HttpContent content, bool traced, bool measured, CancellationToken cancellationToken)
    {
        using var span = traced ? GatewayTracing.PayloadSource.StartActivity(SpanName, ActivityKind.Internal) : null;
        if (span is { IsAllDataRequested: true })
        {
            foreach (var (key, value) in _spanAttributes!)
            {
                span.SetTag(key, value);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var body = await BackendBody.ReadAsync(content, cancellationToken).ConfigureAwait(false);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (measured)
            {
                var labels = new TagList(_labels!.AsSpan());
                PayloadReadMetrics.Size.Record(body.WrittenCount, labels);
                PayloadReadMetrics.Time.Record(seconds, labels);
            }

            if (span is { IsAllDataRequested: true })
            {
                span.SetTag(PayloadReadMetrics.Prefix + "size", body.WrittenCount);
                span.SetTag(PayloadReadMetrics.Prefix + "time", seconds);
            }

            return body;
        }
        catch (Exception exception)
        {
            if (measured)
            {
                PayloadReadMetrics.Errors.Add(1, new TagList(_labels!.AsSpan()));
            }

            // The type only: a message may quote the backend's URL, query and all.
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}

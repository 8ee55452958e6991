using System.Diagnostics;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// Lets an inner layer (the circuit breaker, the rate limit, the cache, the policies) add what it decided to the span
/// of the call it serves, without being handed the span: that span is <see cref="Activity.Current"/>. Only the
/// gateway's own spans are touched (never the server's or the HTTP client's), and only when recorded: without a
/// listener there is no current span and this costs a null check.
/// </summary>
public static class CurrentSpan
{
    /// <summary>Sets <paramref name="key"/> on the current gateway span, if one is recorded.</summary>
    public static void Tag(string key, string value) => Recorded()?.SetTag(key, value);

    /// <summary>Sets <paramref name="key"/> on the current gateway span, if one is recorded (boxed only then).</summary>
    public static void Tag(string key, int value) => Recorded()?.SetTag(key, value);

    /// <summary>Marks the current gateway span failed with <paramref name="description"/> (URL queries cut).</summary>
    public static void Fail(string description) => Recorded()?.SetStatus(ActivityStatusCode.Error, SpanStatus.WithoutQueries(description));

    private static Activity? Recorded() =>
        Activity.Current is { IsAllDataRequested: true } span && ReferenceEquals(span.Source, GatewayTracing.Source) ? span : null;
}

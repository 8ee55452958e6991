using System.Diagnostics;
using System.Text.RegularExpressions;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.Metrics;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// Ends a span's status from a pipe's answer: an error sets the error status with the error's message; a call cancelled
/// by its caller (a race another call won, a client that left) is marked <c>canceled</c> and is no error of its own, as
/// KrakenD reports it. Messages quote backend URLs and url patterns, whose queries may carry keys or tokens: those are
/// cut.
/// </summary>
internal static partial class SpanStatus
{
    public static void Set(Activity span, ProxyResponse response, CancellationToken cancellationToken)
    {
        span.SetTag(SpanAttributes.Complete, MetricTags.Of(response.IsComplete));
        if (response.Error is not { } error)
        {
            return;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            span.SetTag(SpanAttributes.Canceled, true);
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, WithoutQueries(error.Message));
    }

    /// <summary>An exception the pipe threw: the error status with its type (its message may quote anything).</summary>
    public static void Set(Activity span, Exception exception) =>
        span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);

    /// <summary><paramref name="text"/> with the query of every URL or pattern it quotes removed.</summary>
    public static string WithoutQueries(string text) => text.Contains('?', StringComparison.Ordinal) ? Query().Replace(text, "") : text;

    [GeneratedRegex(@"\?[^\s\]#]*", RegexOptions.CultureInvariant)]
    private static partial Regex Query();
}

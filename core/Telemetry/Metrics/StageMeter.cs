using System.Diagnostics;
using System.Diagnostics.Metrics;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// Times one stage of a pipe (an endpoint's pipe, one backend) into its duration histogram, with the stage's fixed
/// labels and, as KrakenD's stage metrics, whether it ended in <c>error</c>, was <c>canceled</c> (the caller went away
/// or ran out of time) and answered <c>complete</c>. When nobody listens the stage calls straight through: no clock
/// read, no tag, no state machine.
/// </summary>
/// <param name="duration">The stage's histogram.</param>
/// <param name="tags">The stage's fixed labels, static attributes included.</param>
/// <param name="reportsStatus">Add <c>http.response.status_code</c> when the response carries the backend's status.</param>
internal sealed class StageMeter(Histogram<double> duration, KeyValuePair<string, object?>[] tags, bool reportsStatus)
{
    /// <summary><paramref name="next"/>, timed.</summary>
    public Proxy Wrap(Proxy next) =>
        (request, cancellationToken) => duration.Enabled ? MeasureAsync(next, request, cancellationToken) : next(request, cancellationToken);

    private async ValueTask<ProxyResponse> MeasureAsync(Proxy next, ProxyRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(request, cancellationToken).ConfigureAwait(false);
        Record(Stopwatch.GetElapsedTime(started).TotalSeconds, response, cancellationToken.IsCancellationRequested || request.ClientAborted.IsCancellationRequested);
        return response;
    }

    private void Record(double seconds, ProxyResponse response, bool canceled)
    {
        var labels = new TagList(tags.AsSpan())
        {
            { "error", MetricTags.Of(response.Error is not null && !canceled) },
            { "canceled", MetricTags.Of(canceled) },
            { "complete", MetricTags.Of(response.IsComplete) },
        };
        if (reportsStatus && StatusOf(response) is { } status)
        {
            labels.Add("http.response.status_code", status);
        }

        duration.Record(seconds, labels);
    }

    private static int? StatusOf(ProxyResponse response) =>
        response.BackendStatus ?? response.Error?.BackendStatus ?? (response.Passthrough is { } passthrough ? (int)passthrough.StatusCode : null);
}

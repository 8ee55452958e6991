using System.Diagnostics;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// The span of one call of a concurrent-calls race (<c>race &lt;url_pattern&gt;</c>), parent of that call's backend
/// span. The race ends it: the winner at once, marked <c>switchyard.race.winner</c>; a call that answered first but
/// failed or was incomplete, with its error; a call still running when another won, marked
/// <c>switchyard.race.cancelled</c> and ended once it stops, with no error status: losing a race is no failure.
/// </summary>
internal sealed class RaceCallSpan
{
    private readonly Activity _span;

    private RaceCallSpan(Activity span) => _span = span;

    /// <summary>The span name of the calls of <paramref name="backend"/>'s race.</summary>
    public static string NameOf(BackendConfig backend) => "race " + BackendSpanProxy.NameOf(backend);

    /// <summary>Starts <paramref name="next"/> as call <paramref name="number"/>, inside its span (<paramref name="name"/>) when one is recorded.</summary>
    public static Task<ProxyResponse> Start(
        Proxy next, ProxyRequest request, CancellationToken cancellationToken, string name, int number, bool hedged, out RaceCallSpan? span)
    {
        var parent = Activity.Current;
        var activity = GatewayTracing.Source.StartActivity(name, ActivityKind.Internal);
        if (activity is null)
        {
            span = null;
            return PartCall.Run(next, request, cancellationToken);
        }

        activity.SetTag(SpanAttributes.RaceCall, number);
        if (hedged)
        {
            activity.SetTag(SpanAttributes.Hedged, true);
        }

        span = new RaceCallSpan(activity);

        // The call captured the span as its current one; the race goes on under its own parent.
        var call = PartCall.Run(next, request, cancellationToken);
        Activity.Current = parent;
        return call;
    }

    /// <summary>This call's complete answer won the race.</summary>
    public void Won()
    {
        _span.SetTag(SpanAttributes.RaceWinner, true);
        End();
    }

    /// <summary>This call answered without winning (a failure, an incomplete answer): the race goes on.</summary>
    public void Answered(ProxyResponse answer)
    {
        _span.SetTag(SpanAttributes.Complete, answer.IsComplete);
        if (answer.Error is { } error)
        {
            _span.SetStatus(ActivityStatusCode.Error, SpanStatus.WithoutQueries(error.Message));
        }

        End();
    }

    /// <summary>Another call won while this one was running: it is cancelled, and ends when it stops.</summary>
    public void Cancelled() => _span.SetTag(SpanAttributes.RaceCancelled, true);

    /// <summary>Ends the span (once) without changing the caller's current span.</summary>
    public void End()
    {
        if (_span.IsStopped)
        {
            return;
        }

        var current = Activity.Current;
        _span.Stop();
        Activity.Current = current;
    }
}

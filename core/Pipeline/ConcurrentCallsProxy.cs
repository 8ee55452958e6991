using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// <c>concurrent_calls</c> and <c>switchyard/hedging</c>: the same request raced up to N times (each call load-balanced
/// on its own) within 75% of the backend timeout. Without a hedge delay every call starts at once; with one, the first
/// starts at once and each further one when the latest has not answered within the delay, or at once when an earlier
/// call failed. The first complete response wins at once and the other calls are cancelled; failures and incomplete
/// answers are ignored while calls are pending or can still start. When none is complete, the last answer is returned.
/// Each call has its span (<see cref="RaceCallSpan"/>): the winner and the cancelled calls are marked.
/// </summary>
/// <remarks>
/// <para>
/// Hedging written out rather than run by Polly's hedging strategy: Polly waits for the cancelled calls to end before
/// it returns the winner, and an HTTP/1.1 call cancelled mid-flight ends only once its connection is torn down, which
/// put that teardown on every raced request. On the load benchmark's heavy-tail backend
/// (bench/results/optimizations.md) p99 with 3 calls went from 43.5 ms to 14.9 ms at 8 connections. Here the losers
/// end on their own and are cleaned up when they do. A hedge delay does not change that: the winner is usually the
/// hedge and the loser the stalled first call, still waiting on its backend when the hedge answers. Hedged after the
/// backend's p90, this race took p99.9 from 524 ms (one call) to 79 ms for 5% more backend calls, where three calls
/// at once reached 131 ms for 201% more (bench/results/hedging.md, 8 connections).
/// </para>
/// <para>
/// A failed answer starts the next call at once, as Polly's hedging does on a handled outcome: that call can no longer
/// win, waiting out the delay would only add it to the client's latency, and the calls stay bounded by the same count
/// (a failing backend costs no more than with <c>concurrent_calls</c>, and its circuit breaker counts every call).
/// </para>
/// </remarks>
internal static class ConcurrentCallsProxy
{
    /// <summary>When the race gives up on a backend whose timeout is <paramref name="backendTimeout"/>.</summary>
    public static TimeSpan Deadline(TimeSpan backendTimeout) => backendTimeout * 0.75;

    /// <param name="calls">The most calls, the first included.</param>
    /// <param name="hedgeDelay">How long the latest call has to answer before the next starts; zero starts all at once.</param>
    /// <param name="backendTimeout">The backend's timeout, of which the race takes 75%.</param>
    /// <param name="time">The clock of the hedge delay.</param>
    /// <param name="next">One call.</param>
    /// <param name="name">The name of the calls' spans.</param>
    public static Proxy Create(int calls, TimeSpan hedgeDelay, TimeSpan backendTimeout, TimeProvider time, Proxy next, string name)
    {
        var timeout = Deadline(backendTimeout);
        return async (request, cancellationToken) =>
        {
            var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var racing = new List<Task<ProxyResponse>>(calls);
            var spans = new List<RaceCallSpan?>(calls);

            // The calls in flight and, while a call can still start, the hedge timer of the latest start.
            var pending = new List<Task>(calls + 1);
            Task? hedge = null;
            void Start()
            {
                var call = RaceCallSpan.Start(next, request, deadline.Token, name, racing.Count + 1, hedged: racing.Count > 0 && hedgeDelay > TimeSpan.Zero, out var span);
                racing.Add(call);
                spans.Add(span);
                pending.Add(call);
                if (hedge is not null)
                {
                    // A failure started this call before the delay was out: the delay counts from this start now.
                    pending.Remove(hedge);
                    hedge = null;
                }

                if (hedgeDelay > TimeSpan.Zero && racing.Count < calls)
                {
                    hedge = Task.Delay(hedgeDelay, time, deadline.Token);
                    pending.Add(hedge);
                }
            }

            do
            {
                Start();
            }
            while (hedgeDelay == TimeSpan.Zero && racing.Count < calls);

            ProxyResponse? last = null;
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending).ConfigureAwait(false);
                pending.Remove(done);
                if (done == hedge)
                {
                    // Elapsed: the next call starts. Cancelled: the deadline passed and the calls are ending with it.
                    hedge = null;
                    if (done.IsCompletedSuccessfully)
                    {
                        Start();
                    }

                    continue;
                }

                var answer = await Answer((Task<ProxyResponse>)done, deadline.Token).ConfigureAwait(false);
                var answered = spans[racing.IndexOf((Task<ProxyResponse>)done)];
                if (answer.IsComplete)
                {
                    answered?.Won();
                    foreach (var running in pending)
                    {
                        if (running != hedge)
                        {
                            spans[racing.IndexOf((Task<ProxyResponse>)running)]?.Cancelled();
                        }
                    }

                    await deadline.CancelAsync().ConfigureAwait(false);
                    _ = CleanUpAsync(racing, spans, answer, deadline);
                    return answer;
                }

                answered?.Answered(answer);

                last?.Passthrough?.Dispose();
                last = answer;
                if (racing.Count < calls && !deadline.IsCancellationRequested)
                {
                    Start();
                }
            }

            deadline.Dispose();
            return last ?? ProxyResponse.Failed(ProxyError.DeadlineExceeded);
        };
    }

    // A call that throws is one more failed answer: the race goes on with the others.
    private static async Task<ProxyResponse> Answer(Task<ProxyResponse> call, CancellationToken deadline)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return ProxyResponse.Failed(BackendFailure.FromException(exception, deadline));
        }
    }

    // The cancelled calls still own their token and, for no-op backends, an open response: release both once they end.
    private static async Task CleanUpAsync(List<Task<ProxyResponse>> racing, List<RaceCallSpan?> spans, ProxyResponse winner, CancellationTokenSource deadline)
    {
        try
        {
            await Task.WhenAll(racing).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A loser's failure was never going to be answered; the winner already was.
        }

        foreach (var span in spans)
        {
            span?.End();
        }

        foreach (var call in racing)
        {
            if (call.IsCompletedSuccessfully && !ReferenceEquals(call.Result, winner))
            {
                call.Result.Passthrough?.Dispose();
            }
        }

        deadline.Dispose();
    }
}

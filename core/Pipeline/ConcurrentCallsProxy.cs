namespace Switchyard.Core.Pipeline;

/// <summary>
/// <c>concurrent_calls</c>: the same request raced N times at once (each call load-balanced on its own) within 75%
/// of the backend timeout. The first complete response wins at once and the other calls are cancelled; failures and
/// incomplete answers are ignored while calls are pending. When none is complete, the last answer is returned.
/// </summary>
/// <remarks>
/// Hedging with no delay, written out rather than run by Polly's hedging strategy: Polly waits for the cancelled
/// calls to end before it returns the winner, and an HTTP/1.1 call cancelled mid-flight ends only once its connection
/// is torn down, which put that teardown on every raced request. On the load benchmark's heavy-tail backend
/// (bench/results/optimizations.md) p99 with 3 calls went from 43.5 ms to 14.9 ms at 8 connections. Here the losers
/// end on their own and are cleaned up when they do.
/// </remarks>
internal static class ConcurrentCallsProxy
{
    public static Proxy Create(int calls, TimeSpan backendTimeout, Proxy next)
    {
        var timeout = backendTimeout * 0.75;
        return async (request, cancellationToken) =>
        {
            var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var racing = new Task<ProxyResponse>[calls];
            for (var i = 0; i < calls; i++)
            {
                racing[i] = PartCall.Run(next, request, deadline.Token);
            }

            ProxyResponse? last = null;
            await foreach (var call in Task.WhenEach(racing).ConfigureAwait(false))
            {
                var answer = await Answer(call, deadline.Token).ConfigureAwait(false);
                if (answer.IsComplete)
                {
                    await deadline.CancelAsync().ConfigureAwait(false);
                    _ = CleanUpAsync(racing, answer, deadline);
                    return answer;
                }

                last?.Passthrough?.Dispose();
                last = answer;
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
    private static async Task CleanUpAsync(Task<ProxyResponse>[] racing, ProxyResponse winner, CancellationTokenSource deadline)
    {
        try
        {
            await Task.WhenAll(racing).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A loser's failure was never going to be answered; the winner already was.
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

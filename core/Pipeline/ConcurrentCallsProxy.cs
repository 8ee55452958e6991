using Polly;
using Polly.Hedging;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// <c>concurrent_calls</c>: the same request raced N times at once (each call load-balanced on its own) within 75%
/// of the backend timeout. The first complete response wins and the other calls are cancelled; failures and
/// incomplete answers are ignored while calls are pending. When none is complete, the last answer is returned.
/// This is hedging with no delay, so Polly's hedging strategy runs it.
/// </summary>
internal static class ConcurrentCallsProxy
{
    public static Proxy Create(int calls, TimeSpan backendTimeout, Proxy next)
    {
        var timeout = backendTimeout * 0.75;
        var pipeline = new ResiliencePipelineBuilder<ProxyResponse>()
            .AddHedging(new HedgingStrategyOptions<ProxyResponse>
            {
                MaxHedgedAttempts = calls - 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is not { IsComplete: true }),
            })
            .Build();

        return async (request, cancellationToken) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var context = ResilienceContextPool.Shared.Get(deadline.Token);
            var race = new Race(next, request);
            try
            {
                var outcome = await pipeline.ExecuteOutcomeAsync(
                    static async (attempt, race) => Outcome.FromResult(await race.RunAsync(attempt.CancellationToken).ConfigureAwait(false)),
                    context,
                    race).ConfigureAwait(false);

                if (outcome.Result is { IsComplete: true } winner)
                {
                    return winner;
                }

                // No call was complete: KrakenD answers with the last one to finish, whatever hedging kept.
                return race.Last
                    ?? ProxyResponse.Failed(outcome.Exception is null
                        ? ProxyError.DeadlineExceeded
                        : BackendFailure.FromException(outcome.Exception, deadline.Token));
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        };
    }

    /// <summary>One request raced several times; remembers the answer that finished last.</summary>
    private sealed class Race(Proxy next, ProxyRequest request)
    {
        private ProxyResponse? _last;

        public ProxyResponse? Last => Volatile.Read(ref _last);

        public async ValueTask<ProxyResponse> RunAsync(CancellationToken cancellationToken)
        {
            var response = await PartCall.Run(next, request, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _last, response);
            return response;
        }
    }
}

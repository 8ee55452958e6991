using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience.CircuitBreaker;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Resilience;

/// <summary>
/// The resilience layer of one backend, one Polly pipeline per backend definition (kept in <see cref="BackendStates"/>
/// so every pipe built for the backend shares its breaker and bucket). Its strategies, outermost first, in KrakenD's
/// order:
/// <code>
/// qos/circuit-breaker → qos/ratelimit/proxy → (the backend's policies and HTTP call)
/// </code>
/// so a rate-limited call counts as a failure for the breaker, and an open breaker takes no token. A backend with
/// neither namespace has no layer. The limit's refusals and the breaker's states are metrics (<see cref="RateLimitMetrics"/>,
/// <see cref="CircuitBreakerMetrics"/>).
/// </summary>
/// <remarks>
/// Timeouts and retries are not strategies here. A KrakenD timeout bounds the whole pipe of an endpoint or workflow,
/// not one backend, so it stays with the merge that races the backends against it (<see cref="MergeTimeout"/>); a
/// backend is never retried in memory, as in KrakenD. What is retried is retried where the retry survives the process:
/// an agent's message by its broker's redelivery with backoff, a durable step on the durable engine's timers, whose
/// waits must be recorded in the flow's history, which an in-process Polly retry would not be. Hedging is the race of
/// <see cref="ConcurrentCallsProxy"/>, whose remarks say why it is not Polly's.
/// </remarks>
internal static class BackendResilience
{
    // KrakenD's text, spelling included: clients and logs that match on it keep working.
    private static readonly ProxyError RateLimitExceeded = new("rate limit exceded");

    public static Proxy Create(BackendRoute route, BackendStates states, Proxy next)
    {
        if (states.For(route.Backend, _ => Build(route, states)) is not { } pipeline)
        {
            return next;
        }

        var rejectionTags = RateLimitMetrics.ProxyTags(route);

        return async (request, cancellationToken) =>
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(CircuitBreakerConstants.ClientAbortedKey, request.ClientAborted);
            try
            {
                var outcome = await pipeline.ExecuteOutcomeAsync(
                    static async (context, state) => Outcome.FromResult(await state.next(state.request, context.CancellationToken).ConfigureAwait(false)),
                    context,
                    (next, request)).ConfigureAwait(false);
                return outcome.Result ?? ProxyResponse.Failed(Rejection(outcome.Exception!, rejectionTags, cancellationToken));
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        };
    }

    // Null when the backend has no strategy: it then gets no layer at all.
    private static ResiliencePipeline<ProxyResponse>? Build(BackendRoute route, BackendStates states)
    {
        var backend = route.Backend;
        var builder = new ResiliencePipelineBuilder<ProxyResponse> { TimeProvider = states.Time };
        var strategies = 0;
        if (backend.CircuitBreaker is { } breaker)
        {
            builder.AddBackendCircuitBreaker(CircuitBreakerStrategy(breaker, route, states));
            strategies++;
        }

        // qos/ratelimit/proxy, inside the breaker: an open breaker takes no token and a refused call counts as a failure.
        if (backend.RateLimit is { } limit)
        {
            builder.AddRateLimiter(new BucketLimiter(limit.MaxRate, limit.Every, limit.Burst, states.Time));
            strategies++;
        }

        return strategies == 0 ? null : builder.Build();
    }

    // KrakenD's seconds, a zero timeout read as its 60 s default, the warnings of log_status_change, and the metrics.
    private static CircuitBreakerStrategyOptions CircuitBreakerStrategy(CircuitBreakerOptions breaker, BackendRoute route, BackendStates states)
    {
        var onStateChange = CircuitBreakerMetrics.For(breaker.Name, route).Changed;
        if (breaker.LogStatusChange)
        {
            onStateChange += CircuitBreakerStateLog.For(states.Loggers.CreateLogger(CircuitBreakerStateLog.Category), breaker.Name);
        }

        return new()
        {
            MaxErrors = breaker.MaxErrors,
            Interval = TimeSpan.FromSeconds(breaker.Interval),
            BreakDuration = breaker.Timeout == 0 ? CircuitBreakerConstants.DefaultBreakDuration : TimeSpan.FromSeconds(breaker.Timeout),
            OnStateChange = onStateChange,
        };
    }

    // A strategy that refuses the call answers with an exception outcome, never thrown: it becomes the backend's error.
    // (The circuit breaker answers its refusals as failed responses already, worded as KrakenD's.)
    private static ProxyError Rejection(Exception exception, KeyValuePair<string, object?>[] rejectionTags, CancellationToken cancellationToken)
    {
        if (exception is not RateLimiterRejectedException)
        {
            return BackendFailure.FromException(exception, cancellationToken);
        }

        RateLimitMetrics.Rejected(rejectionTags);
        CurrentSpan.Tag(SpanAttributes.RateLimit, "rejected");
        return RateLimitExceeded;
    }
}

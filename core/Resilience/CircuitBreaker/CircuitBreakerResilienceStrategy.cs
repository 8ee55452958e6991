using Polly;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>
/// A backend's circuit breaker with KrakenD's state machine (the one of sony/gobreaker that KrakenD configures):
/// <list type="bullet">
/// <item>Closed: every call goes through. A call that answers an error is a failure, any other a success, which ends
/// the streak; when the consecutive failures exceed <see cref="CircuitBreakerStrategyOptions.MaxErrors"/> it opens.
/// The counts restart at the first call after each <see cref="CircuitBreakerStrategyOptions.Interval"/>.</item>
/// <item>Open: every call fails at once with <c>circuit breaker is open</c>, the backend is not called, until
/// <see cref="CircuitBreakerStrategyOptions.BreakDuration"/> has passed.</item>
/// <item>Half-open: exactly one call (the probe) goes through; the others fail at once with <c>too many requests</c>.
/// The probe's success closes the breaker, its failure opens it again for a full break.</item>
/// </list>
/// A call that fails because its client went away (<see cref="CircuitBreakerConstants.ClientAbortedKey"/>) counts neither
/// way, and a result that arrives after the state changed belongs to a past generation and is ignored.
/// </summary>
/// <remarks>
/// Polly's built-in circuit breaker is not used because it cannot trip where the user's KrakenD configuration says. It
/// opens on a failure <em>ratio</em> over a rolling sampling window once a minimum throughput of at least two calls is
/// reached, so: a success between failures lowers the ratio instead of ending a streak (with <c>max_errors: 1</c>,
/// success, failure, failure opens KrakenD's breaker and never Polly's at ratio 1.0 while the success is in the window);
/// <c>max_errors: 0</c> (open on the first failure) is below Polly's minimum throughput; the counts roll continuously
/// instead of restarting at fixed intervals from the last state change, and <c>interval: 0</c> (never forget) has no
/// equivalent. Failures travel as <see cref="ProxyResponse"/> values, and a client that went away must count neither
/// way, where Polly's breaker counts every result it does not handle as a success. So the state machine is written here,
/// as a Polly strategy so it composes in the backend's one resilience pipeline.
/// </remarks>
internal sealed class CircuitBreakerResilienceStrategy : ResilienceStrategy<ProxyResponse>
{
    private static readonly ProxyError OpenError = new(CircuitBreakerConstants.OpenMessage, NoAnswer: true);
    private static readonly ProxyError TooManyRequestsError = new(CircuitBreakerConstants.TooManyRequestsMessage, NoAnswer: true);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _maxErrors;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _breakDuration;
    private readonly Action<CircuitState, CircuitState>? _onStateChange;

    private CircuitState _state = CircuitState.Closed;
    private long _generation;
    private DateTimeOffset? _expiry;
    private bool _probing;
    private int _consecutiveFailures;

    /// <summary>Creates a closed breaker.</summary>
    public CircuitBreakerResilienceStrategy(CircuitBreakerStrategyOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _maxErrors = options.MaxErrors;
        _interval = options.Interval;
        _breakDuration = options.BreakDuration;
        _onStateChange = options.OnStateChange;
        StartGeneration(_time.GetUtcNow());
    }

    /// <inheritdoc/>
    protected override async ValueTask<Outcome<ProxyResponse>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<ProxyResponse>>> callback,
        ResilienceContext context,
        TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(context);
        if (Admit(out var generation, out var admittedIn) is { } rejection)
        {
            CurrentSpan.Tag(SpanAttributes.CircuitBreaker, ReferenceEquals(rejection, OpenError) ? "open" : "rejected");
            return Outcome.FromResult(ProxyResponse.Failed(rejection));
        }

        CurrentSpan.Tag(SpanAttributes.CircuitBreaker, admittedIn == CircuitState.Closed ? "closed" : "half_open");

        Outcome<ProxyResponse> outcome;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception exception)
        {
            // Polly strategies answer outcomes, never throw: the exception becomes the call's failure.
            outcome = Outcome.FromException<ProxyResponse>(exception);
        }

        Record(generation, Judge(outcome, context));
        return outcome;
    }

    private static CallResult Judge(Outcome<ProxyResponse> outcome, ResilienceContext context)
    {
        if (outcome.Exception is null && outcome.Result is { Error: null })
        {
            return CallResult.Success;
        }

        return context.Properties.TryGetValue(CircuitBreakerConstants.ClientAbortedKey, out var clientAborted) && clientAborted.IsCancellationRequested
            ? CallResult.Excluded
            : CallResult.Failure;
    }

    // Null when the call may go through (its result then counts in generation), else the error it fails with.
    private ProxyError? Admit(out long generation, out CircuitState state)
    {
        StateChange? change;
        ProxyError? rejection = null;
        lock (_lock)
        {
            change = Refresh(_time.GetUtcNow());
            generation = _generation;
            state = _state;
            if (_state == CircuitState.Open)
            {
                rejection = OpenError;
            }
            else if (_state == CircuitState.HalfOpen)
            {
                rejection = _probing ? TooManyRequestsError : null;
                _probing = true;
            }
        }

        Report(change);
        return rejection;
    }

    private void Record(long generation, CallResult result)
    {
        StateChange? change;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            change = Refresh(now);

            // A result from before a state change or an interval reset belongs to a past generation: it counts for nothing.
            if (generation == _generation)
            {
                change = Count(result, now);
            }
        }

        Report(change);
    }

    private StateChange? Count(CallResult result, DateTimeOffset now)
    {
        switch (result)
        {
            case CallResult.Excluded:
                // An abandoned probe frees its place for the next call.
                _probing = false;
                return null;
            case CallResult.Success:
                _consecutiveFailures = 0;
                return _state == CircuitState.HalfOpen ? MoveTo(CircuitState.Closed, now) : null;
            default:
                return _state == CircuitState.HalfOpen || ++_consecutiveFailures > _maxErrors ? MoveTo(CircuitState.Open, now) : null;
        }
    }

    // What time alone changes: a closed interval ends (counts restart), an open break ends (half-open).
    private StateChange? Refresh(DateTimeOffset now)
    {
        if (_expiry is not { } expiry || expiry >= now)
        {
            return null;
        }

        if (_state == CircuitState.Open)
        {
            return MoveTo(CircuitState.HalfOpen, now);
        }

        StartGeneration(now);
        return null;
    }

    private StateChange? MoveTo(CircuitState state, DateTimeOffset now)
    {
        var previous = _state;
        _state = state;
        StartGeneration(now);
        return new StateChange(previous, state);
    }

    private void StartGeneration(DateTimeOffset now)
    {
        _generation++;
        _probing = false;
        _consecutiveFailures = 0;
        _expiry = _state switch
        {
            CircuitState.Closed when _interval > TimeSpan.Zero => now + _interval,
            CircuitState.Open => now + _breakDuration,
            _ => null,
        };
    }

    private void Report(StateChange? change)
    {
        if (change is { } moved)
        {
            _onStateChange?.Invoke(moved.From, moved.To);
        }
    }

    private readonly record struct StateChange(CircuitState From, CircuitState To);

    private enum CallResult
    {
        Success,
        Failure,
        Excluded,
    }
}

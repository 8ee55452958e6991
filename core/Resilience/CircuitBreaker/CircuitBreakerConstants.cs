using Polly;

namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>The names, texts and defaults of the backend circuit breaker, worded as KrakenD words them.</summary>
public static class CircuitBreakerConstants
{
    /// <summary>The strategy's name in Polly's telemetry.</summary>
    public const string DefaultName = "CircuitBreaker";

    /// <summary>The error of a call refused by an open breaker.</summary>
    public const string OpenMessage = "circuit breaker is open";

    /// <summary>The error of a call refused by a half-open breaker whose one probe is under way.</summary>
    public const string TooManyRequestsMessage = "too many requests";

    /// <summary>How long a breaker stays open when its options say zero.</summary>
    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The token of the client the call is made for, cancelled when that client goes away (the request's
    /// <c>ClientAborted</c>). A call that fails once it is cancelled counts neither as a success nor as a failure: the
    /// backend did nothing wrong.
    /// </summary>
    public static readonly ResiliencePropertyKey<CancellationToken> ClientAbortedKey = new("Switchyard.ClientAborted");

    /// <summary>The name KrakenD logs for a state (<c>closed</c>, <c>half-open</c>, <c>open</c>).</summary>
    public static string NameOf(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.HalfOpen => "half-open",
        _ => "open",
    };
}

using System.ComponentModel.DataAnnotations;
using Polly;

namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>
/// The options of <see cref="CircuitBreakerResilienceStrategy"/>: a breaker that opens on consecutive failures counted in
/// fixed intervals, as KrakenD's does.
/// </summary>
public sealed class CircuitBreakerStrategyOptions : ResilienceStrategyOptions
{
    /// <summary>Creates the options with the strategy's default name.</summary>
    public CircuitBreakerStrategyOptions() => Name = CircuitBreakerConstants.DefaultName;

    /// <summary>
    /// The consecutive failures a closed breaker tolerates: the next one opens it (zero opens it on the first failure).
    /// </summary>
    /// <value>The default value is 5. The value must not be negative.</value>
    [Range(0, int.MaxValue)]
    public int MaxErrors { get; set; } = 5;

    /// <summary>
    /// How long a closed breaker keeps counting before it forgets its failures, from its last state change or reset. The
    /// reset happens at the first call after the interval, which starts the next one.
    /// </summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>: the counts are never reset while closed.</value>
    [TimeSpanRange("00:00:00", "24855.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>How long an open breaker fails every call before it lets one probe through.</summary>
    /// <value>The default value is 60 seconds. The value must be greater than zero.</value>
    [TimeSpanRange("00:00:00.0000001", "24855.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = CircuitBreakerConstants.DefaultBreakDuration;

    /// <summary>Called once for each state change, with the state left and the state entered, outside the breaker's lock.</summary>
    /// <value>The default value is null.</value>
    public Action<CircuitState, CircuitState>? OnStateChange { get; set; }
}

namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>
/// A backend's <c>qos/circuit-breaker</c> namespace, as KrakenD reads it: whole seconds, a trip point counted in
/// consecutive failures, and a name for its log lines.
/// </summary>
public sealed record CircuitBreakerOptions
{
    /// <summary>
    /// Seconds after which a closed breaker forgets its failures, counted from its last state change (and then from each
    /// reset). Zero never forgets. Required.
    /// </summary>
    public required int Interval { get; init; }

    /// <summary>Seconds an open breaker fails every call before it lets one probe through. Zero means 60 s. Required.</summary>
    public required int Timeout { get; init; }

    /// <summary>The consecutive failures a closed breaker tolerates: one more opens it. Required.</summary>
    public required int MaxErrors { get; init; }

    /// <summary>The breaker's name in its log lines. <value>The default value is the empty string.</value></summary>
    public string Name { get; init; } = "";

    /// <summary>Log a warning at each state change. <value>The default value is false.</value></summary>
    public bool LogStatusChange { get; init; }

    /// <summary>
    /// True when every field holds its zero value: KrakenD then runs no breaker at all, which Switchyard refuses as a
    /// mistake rather than ignore.
    /// </summary>
    public bool IsZero => Interval == 0 && Timeout == 0 && MaxErrors == 0 && Name.Length == 0 && !LogStatusChange;
}

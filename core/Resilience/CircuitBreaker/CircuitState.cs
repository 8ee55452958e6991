namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>The state of a backend's circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Calls go through; consecutive failures are counted.</summary>
    Closed,

    /// <summary>One probe goes through; its result closes or reopens the breaker.</summary>
    HalfOpen,

    /// <summary>Every call fails at once without reaching the backend.</summary>
    Open,
}

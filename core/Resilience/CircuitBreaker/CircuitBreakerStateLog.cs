using Microsoft.Extensions.Logging;

namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>The warning a breaker with <c>log_status_change</c> writes once at each state change, worded as KrakenD's.</summary>
internal static partial class CircuitBreakerStateLog
{
    /// <summary>The log category of every breaker.</summary>
    public const string Category = "Switchyard.Resilience.CircuitBreaker";

    /// <summary>A state-change callback that logs each change of breaker <paramref name="name"/> to <paramref name="logger"/>.</summary>
    public static Action<CircuitState, CircuitState> For(ILogger logger, string name) =>
        (from, to) => StateChanged(logger, name, CircuitBreakerConstants.NameOf(from), CircuitBreakerConstants.NameOf(to));

    [LoggerMessage(Level = LogLevel.Warning, Message = "[CB] Circuit breaker named '{Name}' went from '{From}' to '{To}'")]
    private static partial void StateChanged(ILogger logger, string name, string from, string to);
}

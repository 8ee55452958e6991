namespace Switchyard.Core.Agents;

/// <summary>How much an agent event matters.</summary>
public enum AgentLogLevel
{
    /// <summary>One message's fate (a failed delivery that will be retried).</summary>
    Debug,

    /// <summary>Connected, stopped.</summary>
    Information,

    /// <summary>A connection lost or refused, a message dead-lettered, a settlement that failed.</summary>
    Warning,

    /// <summary>The agent gave up (too many retries).</summary>
    Error,
}

/// <summary>
/// Receives what an agent runner has to tell. The core has no logging dependency, so the host bridges this to its
/// logger (KrakenD prefixes such lines with <c>[ASYNC: name][type]</c>).
/// </summary>
/// <param name="level">How much it matters.</param>
/// <param name="agent">The agent's name.</param>
/// <param name="message">What happened.</param>
/// <param name="exception">The exception behind it, if any.</param>
public delegate void AgentLog(AgentLogLevel level, string agent, string message, Exception? exception);

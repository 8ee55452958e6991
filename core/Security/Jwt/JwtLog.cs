namespace Switchyard.Core.Security.Jwt;

/// <summary>How much a JWT event matters.</summary>
public enum JwtLogLevel
{
    /// <summary>A key set downloaded, a signing key loaded.</summary>
    Information,

    /// <summary>Keys of a set that cannot be used, a refresh that failed while older keys still serve.</summary>
    Warning,

    /// <summary>No keys at all: every token (or every signing request) is refused until they arrive.</summary>
    Error,
}

/// <summary>
/// Receives what the key sources and the validator have to tell. The core has no logging dependency, so the host
/// bridges this to its logger. Messages never hold a token, a key or a claim's value.
/// </summary>
/// <param name="level">How much it matters.</param>
/// <param name="message">What happened.</param>
/// <param name="exception">The exception behind it, if any.</param>
public delegate void JwtLog(JwtLogLevel level, string message, Exception? exception);

namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>
/// The token endpoint gave no usable token. Its message names the token URL and what went wrong (the status, the
/// OAuth 2.0 <c>error</c> code) and never a credential or a token.
/// </summary>
public sealed class TokenEndpointException : Exception
{
    public TokenEndpointException()
    {
    }

    public TokenEndpointException(string message)
        : base(message)
    {
    }

    public TokenEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What went wrong, such as <c>status 401 (invalid_client)</c>.</summary>
    public string Reason { get; private init; } = "";

    /// <summary>The failure of <paramref name="tokenUrl"/>: <paramref name="reason"/>.</summary>
    public static TokenEndpointException Of(string tokenUrl, string reason) =>
        new($"auth/client-credentials: no token from {tokenUrl}: {reason}") { Reason = reason };
}

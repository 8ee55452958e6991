namespace Switchyard.Core.Pipeline;

/// <summary>
/// A failure that travels through the pipeline. <see cref="StatusCode"/> is set only when the client is
/// meant to see a specific status (<c>return_error_code</c>, policies); otherwise a failed endpoint answers 500.
/// </summary>
/// <param name="Message">The text, as KrakenD words it (<c>invalid status code 404 [GET /x]: http://b/x</c>).</param>
/// <param name="StatusCode">The status to answer with, or null.</param>
/// <param name="Body">The body to answer with when the router returns error messages, or null for the message.</param>
/// <param name="ContentType">The content type of <paramref name="Body"/>, or null for text.</param>
/// <param name="ExposeBody">
/// The body is written for the client whatever the router says (a policy's configured error), instead of only when
/// the router returns error messages.
/// </param>
/// <param name="BackendStatus">
/// The status the backend answered when that status is the failure (not 200 or 201); null for any other failure. A
/// durable step's retries read it.
/// </param>
/// <param name="NoAnswer">True when the backend gave no answer at all (a refused connection, a timeout): worth a retry.</param>
/// <param name="RejectsInput">
/// True when the request itself is refused (a body that breaks its JSON schema): sending it again cannot succeed, so an
/// agent dead-letters such a message at once rather than redelivering it.
/// </param>
public sealed record ProxyError(
    string Message,
    int? StatusCode = null,
    string? Body = null,
    string? ContentType = null,
    bool ExposeBody = false,
    int? BackendStatus = null,
    bool NoAnswer = false,
    bool RejectsInput = false)
{
    /// <summary>The error of a pipe that ran out of time.</summary>
    public static readonly ProxyError DeadlineExceeded = new("context deadline exceeded", NoAnswer: true);

    /// <summary>Joins several errors the way KrakenD's merge does: texts separated by new lines.</summary>
    public static ProxyError? Join(IReadOnlyList<ProxyError> errors) => errors.Count switch
    {
        0 => null,
        1 => errors[0],
        _ => new ProxyError(string.Join('\n', errors.Select(e => e.Message))),
    };

    public override string ToString() => Message;
}

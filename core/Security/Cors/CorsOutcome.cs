namespace Switchyard.Core.Security.Cors;

/// <summary>Why <see cref="CorsPolicy"/> added the headers it added, for the debug log.</summary>
public enum CorsOutcome
{
    /// <summary>The request has no <c>Origin</c>: only <c>Vary</c>.</summary>
    NoOrigin,

    /// <summary>The origin is not allowed: only <c>Vary</c>, so the browser keeps the answer from the page.</summary>
    OriginNotAllowed,

    /// <summary>The method (or the preflight's requested method) is not allowed: only <c>Vary</c>.</summary>
    MethodNotAllowed,

    /// <summary>The preflight announces a header that is not allowed: only <c>Vary</c>.</summary>
    HeadersNotAllowed,

    /// <summary>The request is allowed: the <c>Access-Control-Allow-*</c> headers.</summary>
    Allowed,
}

namespace Switchyard.Core.Security.Cors;

/// <summary>What <see cref="CorsPolicy"/> reads from a request.</summary>
/// <param name="Method">The request method, as sent.</param>
/// <param name="Origin">The first <c>Origin</c> header, or null.</param>
/// <param name="RequestMethod">The first <c>Access-Control-Request-Method</c> header, or null.</param>
/// <param name="RequestHeaders">
/// Every <c>Access-Control-Request-Headers</c> line (some proxies split the list), or null when the header is absent.
/// </param>
/// <param name="RequestPrivateNetwork">The first <c>Access-Control-Request-Private-Network</c> header, or null.</param>
public readonly record struct CorsRequest(
    string Method,
    string? Origin,
    string? RequestMethod = null,
    IReadOnlyList<string>? RequestHeaders = null,
    string? RequestPrivateNetwork = null)
{
    /// <summary>
    /// A preflight: <c>OPTIONS</c> with a non-empty <c>Access-Control-Request-Method</c>. Any other request, an
    /// <c>OPTIONS</c> without it included, is an actual request.
    /// </summary>
    public bool IsPreflight => Method == "OPTIONS" && !string.IsNullOrEmpty(RequestMethod);
}

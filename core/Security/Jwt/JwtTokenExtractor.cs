namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Finds the token of a request as KrakenD does: the header (<c>auth_header_name</c>, by default
/// <c>Authorization</c>), without a <c>Bearer </c> prefix in any case when the value is longer than that prefix; when
/// the header is missing or empty, the cookie (<c>cookie_key</c>) as it is.
/// </summary>
public static class JwtTokenExtractor
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The token text, or null when the request carries none.</summary>
    /// <param name="headerValue">The first value of the token header, or null.</param>
    /// <param name="cookieValue">The value of the token cookie, or null when there is no such cookie.</param>
    public static string? Extract(string? headerValue, string? cookieValue)
    {
        if (!string.IsNullOrEmpty(headerValue))
        {
            return headerValue.Length > BearerPrefix.Length && headerValue.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                ? headerValue[BearerPrefix.Length..]
                : headerValue;
        }

        return cookieValue;
    }
}

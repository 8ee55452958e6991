using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>The decision on one request's token.</summary>
/// <param name="Outcome">Valid, 401 or 403.</param>
/// <param name="Claims">The token's claims when it is valid; null otherwise.</param>
/// <param name="Reason">Why it was refused, for <c>operation_debug</c> logs; never a token or a claim value.</param>
/// <param name="Rejection">Why it was refused, as one of a fixed set (for metrics); <see cref="JwtRejection.None"/> when valid.</param>
public sealed record JwtValidationResult(JwtOutcome Outcome, JsonObject? Claims, string? Reason, JwtRejection Rejection)
{
    /// <summary>A valid token with its claims.</summary>
    public static JwtValidationResult Valid(JsonObject claims) => new(JwtOutcome.Valid, claims, null, JwtRejection.None);

    /// <summary>A 401 for <paramref name="rejection"/>, told as <paramref name="reason"/>.</summary>
    public static JwtValidationResult Unauthorized(JwtRejection rejection, string reason) => new(JwtOutcome.Unauthorized, null, reason, rejection);

    /// <summary>A 403 for <paramref name="rejection"/>, told as <paramref name="reason"/>.</summary>
    public static JwtValidationResult Forbidden(JwtRejection rejection, string reason) => new(JwtOutcome.Forbidden, null, reason, rejection);
}

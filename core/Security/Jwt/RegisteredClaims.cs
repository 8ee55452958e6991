using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The registered claims checks, as go-jose (KrakenD's JWT library) makes them: each present registered claim has its
/// type (<c>iss</c>, <c>sub</c>, <c>jti</c> strings; <c>aud</c> a string or an array of strings; <c>exp</c>, <c>nbf</c>,
/// <c>iat</c> numbers, read as whole seconds); <c>iss</c> is exactly the configured issuer; <c>aud</c> holds every
/// configured audience (IdentityModel would accept any one); and with the leeway L, <c>exp</c> is not before now − L,
/// <c>nbf</c> and <c>iat</c> not after now + L. Each of <c>exp</c>, <c>nbf</c> and <c>iat</c> is optional.
/// </summary>
internal static class RegisteredClaims
{
    /// <summary>Why the claims fail, or null when they pass.</summary>
    public static JwtValidationResult? Check(JsonObject claims, JwtValidatorOptions options, DateTimeOffset now)
    {
        if (Types(claims) is { } wrongType)
        {
            return JwtValidationResult.Unauthorized(JwtRejection.MalformedClaims, wrongType);
        }

        if (Audiences(claims["aud"]) is not { } audiences)
        {
            return JwtValidationResult.Unauthorized(JwtRejection.MalformedClaims, "the token's aud is neither a string nor an array of strings");
        }

        if (options.Issuer is { } issuer && (claims["iss"]?.GetValue<string>() ?? "") != issuer)
        {
            return JwtValidationResult.Unauthorized(JwtRejection.Issuer, "the token's iss is not the configured issuer");
        }

        if (options.Audience.Any(required => !audiences.Contains(required)))
        {
            return JwtValidationResult.Unauthorized(JwtRejection.Audience, "the token's aud does not hold every configured audience");
        }

        if (Seconds(claims, "exp") is { } expires && now - options.Leeway > expires)
        {
            return JwtValidationResult.Unauthorized(JwtRejection.Expired, "the token has expired");
        }

        if (Seconds(claims, "nbf") is { } notBefore && now + options.Leeway < notBefore)
        {
            return JwtValidationResult.Unauthorized(JwtRejection.NotYetValid, "the token is not valid yet");
        }

        return Seconds(claims, "iat") is { } issuedAt && now + options.Leeway < issuedAt
            ? JwtValidationResult.Unauthorized(JwtRejection.IssuedInFuture, "the token was issued in the future")
            : null;
    }

    private static string? Types(JsonObject claims)
    {
        foreach (var name in (string[])["iss", "sub", "jti"])
        {
            if (claims[name] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return $"the token's {name} is not a string";
            }
        }

        foreach (var name in (string[])["exp", "nbf", "iat"])
        {
            if (claims[name] is { } value && (value.GetValueKind() != JsonValueKind.Number || Seconds(claims, name) is null))
            {
                return $"the token's {name} is not a number of seconds";
            }
        }

        return null;
    }

    // A NumericDate as go-jose reads it: the number truncated to whole seconds.
    private static DateTimeOffset? Seconds(JsonObject claims, string name)
    {
        if (claims[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        var seconds = Math.Truncate(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
        return seconds is >= -62_135_596_800 and <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;
    }

    private static List<string>? Audiences(JsonNode? aud)
    {
        switch (aud)
        {
            case null:
                return [];
            case JsonArray array:
                var audiences = new List<string>(array.Count);
                foreach (var item in array)
                {
                    if (item is null || item.GetValueKind() != JsonValueKind.String)
                    {
                        return null;
                    }

                    audiences.Add(item.GetValue<string>());
                }

                return audiences;
            default:
                return aud.GetValueKind() == JsonValueKind.String ? [aud.GetValue<string>()] : null;
        }
    }
}

using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchyard.Testing;

/// <summary>
/// Tokens made by tests: properly signed ones (with IdentityModel, for any key and algorithm, with extra headers), and
/// the forgeries an attacker would send, built by hand (<c>alg: none</c>).
/// </summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// A compact JWS of exactly <paramref name="payload"/>, signed with <paramref name="key"/> (its <c>KeyId</c> becomes
    /// the <c>kid</c> header), plus the <paramref name="headers"/> given.
    /// </summary>
    public static string Sign(JsonObject payload, SecurityKey key, string algorithm, IDictionary<string, object>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var credentials = new SigningCredentials(key, algorithm);
        return headers is null
            ? Handler.CreateToken(payload.ToJsonString(), credentials)
            : Handler.CreateToken(payload.ToJsonString(), credentials, headers);
    }

    /// <summary>An unsigned token (<c>alg: none</c> and friends): base64url header and payload, and an empty signature.</summary>
    public static string Unsigned(JsonObject header, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(payload);
        return $"{Segment(header)}.{Segment(payload)}.";
    }

    /// <summary>The base64url JSON of <paramref name="part"/>, as a token segment.</summary>
    public static string Segment(JsonObject part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
    }

    /// <summary>The JSON object of a token segment (its header or payload).</summary>
    public static JsonObject Decode(string segment) => JsonNode.Parse(Base64Url.DecodeFromChars(segment))!.AsObject();

    /// <summary>Claims valid now for a few minutes: <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>iat</c> and <c>exp</c>, plus <paramref name="extra"/>.</summary>
    public static JsonObject Claims(string issuer, string audience, DateTimeOffset now, JsonObject? extra = null)
    {
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = "user-1",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in extra ?? [])
        {
            claims[name] = value?.DeepClone();
        }

        return claims;
    }
}

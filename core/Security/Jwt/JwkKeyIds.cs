using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The key id of a JWK and of a token under each <see cref="KeyIdentifyStrategy"/>, as KrakenD computes them: on the
/// key side the <c>kid</c> or a base64url (unpadded) certificate thumbprint, on the token side its headers.
/// </summary>
public static class JwkKeyIds
{
    private const string X5tS256Header = "x5t#S256";

    /// <summary>The id <paramref name="jwk"/> is found under; empty when it has none under this strategy.</summary>
    public static string Of(JsonWebKey jwk, KeyIdentifyStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        return strategy switch
        {
            KeyIdentifyStrategy.X5t => Thumbprint(jwk.X5t, jwk, SHA1.HashData),
            KeyIdentifyStrategy.X5tS256 => Thumbprint(jwk.X5tS256, jwk, SHA256.HashData),
            KeyIdentifyStrategy.KidX5t => (jwk.Kid ?? "") + Thumbprint(jwk.X5t, jwk, SHA1.HashData),
            _ => jwk.Kid ?? "",
        };
    }

    /// <summary>The id a token names its key with: <c>x5t</c> and <c>x5t#S256</c> fall back to the <c>kid</c>.</summary>
    public static string Of(JsonWebToken token, KeyIdentifyStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(token);
        return strategy switch
        {
            KeyIdentifyStrategy.X5t => Header(token, JwtHeaderParameterNames.X5t) ?? token.Kid ?? "",
            KeyIdentifyStrategy.X5tS256 => Header(token, X5tS256Header) ?? token.Kid ?? "",
            KeyIdentifyStrategy.KidX5t => (token.Kid ?? "") + (Header(token, JwtHeaderParameterNames.X5t) ?? token.Kid ?? ""),
            _ => token.Kid ?? "",
        };
    }

    private static string? Header(JsonWebToken token, string name) =>
        token.TryGetHeaderValue<string>(name, out var value) ? value : null;

    // The JWK's own thumbprint member when it has one (re-encoded, so padding does not matter), else the digest of
    // its first certificate.
    private static string Thumbprint(string? published, JsonWebKey jwk, Func<byte[], byte[]> digest)
    {
        if (!string.IsNullOrEmpty(published))
        {
            return Base64UrlText.TryDecode(published, out var bytes) ? Base64Url.EncodeToString(bytes) : published;
        }

        if (jwk.X5c.Count == 0)
        {
            return "";
        }

        try
        {
            return Base64Url.EncodeToString(digest(Convert.FromBase64String(jwk.X5c[0])));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Security.Jwt;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>A key for one JWS algorithm: the key tests sign with, and the public JWK a key set publishes.</summary>
internal sealed record JwtTestKey(string Algorithm, SecurityKey SigningKey, JsonObject PublicJwk)
{
    /// <summary>A new key with id <paramref name="keyId"/> able to sign <paramref name="algorithm"/>.</summary>
    public static JwtTestKey For(string algorithm, string keyId = "key-1") => algorithm[..2] switch
    {
        "RS" or "PS" => Rsa(algorithm, keyId),
        "ES" => Ec(algorithm, keyId),
        "HS" => Hmac(algorithm, keyId, RandomNumberGenerator.GetBytes(64)),
        _ => Ed25519(keyId),
    };

    public static JwtTestKey Rsa(string algorithm, string keyId)
    {
        var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        return new JwtTestKey(algorithm, new RsaSecurityKey(rsa) { KeyId = keyId }, new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = keyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        });
    }

    public static JwtTestKey Hmac(string algorithm, string keyId, byte[] secret) =>
        new(algorithm, new SymmetricSecurityKey(secret) { KeyId = keyId }, new JsonObject
        {
            ["kty"] = "oct",
            ["kid"] = keyId,
            ["k"] = Base64Url.EncodeToString(secret),
        });

    private static JwtTestKey Ec(string algorithm, string keyId)
    {
        var (curve, name) = algorithm switch
        {
            "ES256" => (ECCurve.NamedCurves.nistP256, "P-256"),
            "ES384" => (ECCurve.NamedCurves.nistP384, "P-384"),
            _ => (ECCurve.NamedCurves.nistP521, "P-521"),
        };
        var ec = ECDsa.Create(curve);
        var parameters = ec.ExportParameters(false);
        return new JwtTestKey(algorithm, new ECDsaSecurityKey(ec) { KeyId = keyId }, new JsonObject
        {
            ["kty"] = "EC",
            ["kid"] = keyId,
            ["crv"] = name,
            ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
        });
    }

    private static JwtTestKey Ed25519(string keyId)
    {
        var key = Ed25519TestKey.Create(keyId);
        return new JwtTestKey(JwtAlgorithms.EdDsa, new Ed25519SecurityKey(key.PublicKey, key.PrivateKey) { KeyId = keyId }, key.PublicJwk());
    }

    /// <summary>A token of <paramref name="claims"/> signed with this key, with extra <paramref name="headers"/>.</summary>
    public string Sign(JsonObject claims, IDictionary<string, object>? headers = null) => TestTokens.Sign(claims, SigningKey, Algorithm, headers);
}

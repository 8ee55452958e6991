using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Switchyard.Testing;

/// <summary>The kinds of key an <see cref="OidcProviderServer"/> signs access tokens with.</summary>
public enum OidcKeyType
{
    /// <summary>An RSA key of 2048 bits: signs RS256 and PS256 (and their 384/512 variants).</summary>
    Rsa2048,

    /// <summary>An EC key on P-256: signs ES256.</summary>
    EcP256,
}

/// <summary>
/// One signing key of an <see cref="OidcProviderServer"/>, generated in .NET: the provider gets its private JWK, and
/// tests keep the key itself (to sign tokens of their own with the provider's key) and its public JWK.
/// </summary>
public sealed class OidcSigningKey : IDisposable
{
    private OidcSigningKey(string keyId, OidcKeyType type, AsymmetricAlgorithm key)
    {
        KeyId = keyId;
        Type = type;
        Key = key;
    }

    /// <summary>The key's <c>kid</c>, in the JWKS and in the header of the tokens it signs.</summary>
    public string KeyId { get; }

    /// <summary>What kind of key it is.</summary>
    public OidcKeyType Type { get; }

    /// <summary>The key pair (private part included).</summary>
    public AsymmetricAlgorithm Key { get; }

    /// <summary>The RSA key pair, or null for an EC key.</summary>
    public RSA? Rsa => Key as RSA;

    /// <summary>The EC key pair, or null for an RSA key.</summary>
    public ECDsa? EcDsa => Key as ECDsa;

    /// <summary>Generates a new key pair.</summary>
    public static OidcSigningKey Create(string keyId, OidcKeyType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        AsymmetricAlgorithm key = type switch
        {
            OidcKeyType.Rsa2048 => RSA.Create(2048),
            OidcKeyType.EcP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown key type."),
        };
        return new OidcSigningKey(keyId, type, key);
    }

    /// <summary>The public JWK (RFC 7517), as a JWKS publishes it.</summary>
    public JsonObject PublicJwk() => Jwk(includePrivate: false);

    /// <summary>The private JWK, for the provider that signs with it.</summary>
    public JsonObject PrivateJwk() => Jwk(includePrivate: true);

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();

    private JsonObject Jwk(bool includePrivate)
    {
        var jwk = new JsonObject { ["kid"] = KeyId, ["use"] = "sig" };
        if (Key is RSA rsa)
        {
            var parameters = rsa.ExportParameters(includePrivate);
            jwk["kty"] = "RSA";
            jwk["n"] = UInt(parameters.Modulus!);
            jwk["e"] = UInt(parameters.Exponent!);
            if (includePrivate)
            {
                jwk["d"] = UInt(parameters.D!);
                jwk["p"] = UInt(parameters.P!);
                jwk["q"] = UInt(parameters.Q!);
                jwk["dp"] = UInt(parameters.DP!);
                jwk["dq"] = UInt(parameters.DQ!);
                jwk["qi"] = UInt(parameters.InverseQ!);
            }
        }
        else
        {
            var parameters = ((ECDsa)Key).ExportParameters(includePrivate);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-256";
            jwk["alg"] = "ES256";

            // EC coordinates keep their full length (RFC 7518 section 6.2.1.2), leading zeros included.
            jwk["x"] = Base64Url.EncodeToString(parameters.Q.X);
            jwk["y"] = Base64Url.EncodeToString(parameters.Q.Y);
            if (includePrivate)
            {
                jwk["d"] = Base64Url.EncodeToString(parameters.D);
            }
        }

        return jwk;
    }

    /// <summary>A Base64urlUInt (RFC 7518 section 2): big-endian, without leading zero bytes.</summary>
    private static string UInt(byte[] bigEndian)
    {
        var start = 0;
        while (start < bigEndian.Length - 1 && bigEndian[start] == 0)
        {
            start++;
        }

        return Base64Url.EncodeToString(bigEndian.AsSpan(start));
    }
}

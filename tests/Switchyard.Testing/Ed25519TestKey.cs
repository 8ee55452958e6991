using System.Buffers.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Switchyard.Testing;

/// <summary>An Ed25519 key pair generated with BouncyCastle, with its JWKs (RFC 8037: <c>kty: OKP</c>, <c>crv: Ed25519</c>).</summary>
public sealed class Ed25519TestKey
{
    private Ed25519TestKey(string keyId, Ed25519PrivateKeyParameters privateKey)
    {
        KeyId = keyId;
        PrivateKey = privateKey;
        PublicKey = privateKey.GeneratePublicKey();
    }

    /// <summary>The key's <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>The private key, which signs.</summary>
    public Ed25519PrivateKeyParameters PrivateKey { get; }

    /// <summary>The public key, which verifies.</summary>
    public Ed25519PublicKeyParameters PublicKey { get; }

    /// <summary>Generates a key pair.</summary>
    public static Ed25519TestKey Create(string keyId)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return new Ed25519TestKey(keyId, (Ed25519PrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    /// <summary>The public JWK.</summary>
    public JsonObject PublicJwk() => new()
    {
        ["kty"] = "OKP",
        ["crv"] = "Ed25519",
        ["kid"] = KeyId,
        ["x"] = Base64Url.EncodeToString(PublicKey.GetEncoded()),
    };

    /// <summary>The private JWK (with <c>d</c>), as a signer's key set holds it.</summary>
    public JsonObject PrivateJwk()
    {
        var jwk = PublicJwk();
        jwk["d"] = Base64Url.EncodeToString(PrivateKey.GetEncoded());
        return jwk;
    }
}

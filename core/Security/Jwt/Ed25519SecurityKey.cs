using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// An Ed25519 key (an OKP JWK with <c>crv: Ed25519</c>, RFC 8037) for the <c>EdDSA</c> algorithm. Neither .NET nor
/// IdentityModel has Ed25519, so the key carries its own <see cref="CryptoProviderFactory"/>, whose provider signs and
/// verifies with BouncyCastle.
/// </summary>
public sealed class Ed25519SecurityKey : SecurityKey
{
    /// <summary>A key with its public part and, to sign, its private part.</summary>
    public Ed25519SecurityKey(Ed25519PublicKeyParameters publicKey, Ed25519PrivateKeyParameters? privateKey = null)
    {
        PublicKey = publicKey;
        PrivateKey = privateKey;
        CryptoProviderFactory = new CryptoProviderFactory { CustomCryptoProvider = Ed25519CryptoProvider.Instance };
    }

    /// <summary>The public key, which verifies.</summary>
    public Ed25519PublicKeyParameters PublicKey { get; }

    /// <summary>The private key, which signs; null for a verifying key.</summary>
    public Ed25519PrivateKeyParameters? PrivateKey { get; }

    /// <inheritdoc />
    public override int KeySize => 256;

    /// <summary>
    /// The key of an OKP JWK: <c>x</c> is the public key; <c>d</c>, when present, the private one. Null when the JWK is
    /// not an Ed25519 key or its values are not 32 bytes.
    /// </summary>
    public static Ed25519SecurityKey? FromJwk(JsonWebKey jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        if (jwk.Kty != "OKP" || jwk.Crv != "Ed25519" || jwk.X is null
            || !Base64UrlText.TryDecode(jwk.X, out var x) || x.Length != Ed25519PublicKeyParameters.KeySize)
        {
            return null;
        }

        Ed25519PrivateKeyParameters? privateKey = null;
        if (jwk.D is { } d)
        {
            if (!Base64UrlText.TryDecode(d, out var secret) || secret.Length != Ed25519PrivateKeyParameters.KeySize)
            {
                return null;
            }

            privateKey = new Ed25519PrivateKeyParameters(secret);
        }

        return new Ed25519SecurityKey(new Ed25519PublicKeyParameters(x), privateKey) { KeyId = jwk.Kid };
    }
}

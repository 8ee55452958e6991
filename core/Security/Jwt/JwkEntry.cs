using Microsoft.IdentityModel.Tokens;

namespace Switchyard.Core.Security.Jwt;

/// <summary>One key of a key set: the JWK as published and the key IdentityModel verifies (or signs) with.</summary>
/// <param name="Jwk">The JWK, with its <c>kid</c>, <c>alg</c>, <c>use</c> and certificate members.</param>
/// <param name="Key">The usable key: RSA, EC, symmetric or <see cref="Ed25519SecurityKey"/>.</param>
public sealed record JwkEntry(JsonWebKey Jwk, SecurityKey Key)
{
    /// <summary>
    /// True when the JWK may be used with <paramref name="algorithm"/> for signatures: it declares no <c>use</c> or
    /// <c>sig</c>, and no <c>alg</c> or this one. An encryption key, or a key meant for another algorithm, never
    /// verifies a token even when its type would fit.
    /// </summary>
    public bool AllowsSignatures(string algorithm) =>
        (string.IsNullOrEmpty(Jwk.Use) || Jwk.Use == JsonWebKeyUseNames.Sig)
        && (string.IsNullOrEmpty(Jwk.Alg) || Jwk.Alg == algorithm);
}

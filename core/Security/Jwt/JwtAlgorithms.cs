namespace Switchyard.Core.Security.Jwt;

/// <summary>The JWS algorithms of <c>auth/validator</c> and <c>auth/signer</c>, as KrakenD lists them.</summary>
public static class JwtAlgorithms
{
    /// <summary>Ed25519 signatures (RFC 8037), with OKP keys.</summary>
    public const string EdDsa = "EdDSA";

    /// <summary>Every supported name, exactly as written in the configuration and the token's <c>alg</c> header.</summary>
    public static IReadOnlyList<string> All { get; } =
        [EdDsa, "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    /// <summary>True when <paramref name="name"/> is supported (case-sensitive).</summary>
    public static bool IsSupported(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>True for the HMAC algorithms, whose key is a shared secret.</summary>
    public static bool IsSymmetric(string name) => name.StartsWith("HS", StringComparison.Ordinal);
}

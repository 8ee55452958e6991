namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// <c>key_identify_strategy</c>: how a token names the key that signed it, and how the key set names its keys.
/// </summary>
public enum KeyIdentifyStrategy
{
    /// <summary><c>kid</c>: the token's <c>kid</c> header and each key's <c>kid</c>.</summary>
    Kid,

    /// <summary>
    /// <c>x5t</c>: the token's <c>x5t</c> header (its <c>kid</c> when it has none) and each key's SHA-1 certificate
    /// thumbprint (base64url).
    /// </summary>
    X5t,

    /// <summary><c>x5t#S256</c>: as <see cref="X5t"/> with SHA-256 thumbprints and the <c>x5t#S256</c> header.</summary>
    X5tS256,

    /// <summary><c>kid_x5t</c>: the <c>kid</c> followed by the SHA-1 thumbprint, on both sides.</summary>
    KidX5t,
}

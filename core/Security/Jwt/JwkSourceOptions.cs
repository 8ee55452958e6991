namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Where the keys of <c>auth/validator</c> and <c>auth/signer</c> come from: a JWK set at an URL (a provider's JWKS
/// endpoint) or in a local file, and the TLS settings of the client that downloads it.
/// </summary>
public sealed record JwkSourceOptions
{
    /// <summary>
    /// The JWKS URL (<c>jwk_url</c>). It must be <c>https://</c> unless <see cref="DisableJwkSecurity"/>: an insecure
    /// URL is a configuration error (KrakenD answers 401 forever instead). Null when <see cref="LocalPath"/> is set.
    /// </summary>
    public Uri? Url { get; init; }

    /// <summary>
    /// A JWK set in a local file (<c>jwk_local_path</c>), read once when the gateway starts. Relative paths are relative
    /// to the working directory, as in KrakenD. Null when <see cref="Url"/> is set.
    /// </summary>
    public string? LocalPath { get; init; }

    /// <summary>
    /// <c>disable_jwk_security</c>: allow an <c>http://</c> URL and accept any server certificate.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool DisableJwkSecurity { get; init; }

    /// <summary>
    /// <c>jwk_fingerprints</c>: SHA-256 digests of the DER SubjectPublicKeyInfo of certificates; when any is given, the
    /// JWKS server's chain must hold a certificate with one of them, on top of the normal certificate validation.
    /// <value>The default value is empty: no pinning.</value>
    /// </summary>
    public IReadOnlyList<byte[]> Fingerprints { get; init; } = [];

    /// <summary>
    /// <c>jwk_local_ca</c>: a PEM file of CA certificates trusted for the JWKS server on top of the machine's roots.
    /// <value>The default value is null: the machine's roots only.</value>
    /// </summary>
    public string? LocalCa { get; init; }

    /// <summary>
    /// <c>cipher_suites</c>: the TLS 1.2 cipher suites (IANA numbers) the JWKS client may use; TLS 1.3 suites are always
    /// allowed, as in Go. TLS 1.2 is the lowest version.
    /// <value>The default value is KrakenD's: the six ECDHE suites with AES-GCM or ChaCha20-Poly1305.</value>
    /// </summary>
    public IReadOnlyList<int> CipherSuites { get; init; } = DefaultCipherSuites;

    /// <summary>KrakenD's default TLS 1.2 suites, ECDHE with AES-GCM or ChaCha20-Poly1305 only.</summary>
    public static IReadOnlyList<int> DefaultCipherSuites { get; } = [49199, 49195, 49200, 49196, 52392, 52393];

    /// <summary>The JSON path of the namespace that holds these settings, for messages.</summary>
    public string JsonPath { get; init; } = "";

    /// <summary>
    /// The identity of the download client and cache: two sources with equal keys download the same set with the same
    /// TLS settings and share one cache.
    /// </summary>
    public string SharingKey =>
        string.Join(
            '|',
            Url?.AbsoluteUri ?? "file:" + LocalPath,
            DisableJwkSecurity ? "insecure" : "secure",
            LocalCa ?? "",
            string.Join(',', Fingerprints.Select(Convert.ToHexString)),
            string.Join(',', CipherSuites));
}

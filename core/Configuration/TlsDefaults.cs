using System.Net.Security;

namespace Switchyard.Core.Configuration;

/// <summary>The defaults KrakenD's TLS code (lura <c>transport/http/server</c>) applies to <c>tls</c> and <c>client_tls</c>.</summary>
public static class TlsDefaults
{
    /// <summary>
    /// Both ends of the version range when the block exists and leaves them out (KrakenD reads a missing or unknown
    /// version as TLS 1.3).
    /// </summary>
    public const TlsVersion Version = TlsVersion.Tls13;

    /// <summary>
    /// The TLS 1.2 suites allowed when <c>cipher_suites</c> is missing or empty: ECDHE key exchange with AES-GCM or
    /// ChaCha20-Poly1305, in KrakenD's order. TLS 1.3 suites are always all allowed, as in Go.
    /// </summary>
    public static IReadOnlyList<TlsCipherSuite> CipherSuites { get; } =
    [
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    ];
}

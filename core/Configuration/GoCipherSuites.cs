using System.Net.Security;

namespace Switchyard.Core.Configuration;

/// <summary>
/// The cipher suites Go's <c>crypto/tls</c> implements (<c>tls.CipherSuites()</c> and <c>tls.InsecureCipherSuites()</c>):
/// the only ones a KrakenD <c>cipher_suites</c> can enable. Switchyard accepts no other, so a list can never open a
/// suite KrakenD would not (no NULL, anonymous or export suites, which .NET's enumeration also names).
/// </summary>
public static class GoCipherSuites
{
    private static readonly HashSet<TlsCipherSuite> Known =
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,

        // Go's insecure list: still accepted when named, as KrakenD accepts them.
        TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA,
        TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_RC4_128_SHA,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_RC4_128_SHA,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
    ];

    /// <summary>Whether <paramref name="number"/> is the IANA number of a suite Go implements.</summary>
    public static bool Contains(int number) => number is >= 0 and <= ushort.MaxValue && Known.Contains((TlsCipherSuite)number);
}

using System.Net.Security;
using System.Security.Authentication;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>Turns the configured versions and cipher suites into what <see cref="SslStream"/> takes.</summary>
internal static class TlsProtocols
{
    // Go enables every TLS 1.3 suite whatever cipher_suites says (it only lists suites up to TLS 1.2); OpenSSL would
    // disable TLS 1.3 altogether when the policy named none of them.
    private static readonly TlsCipherSuite[] Tls13Suites =
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
    ];

    /// <summary>
    /// The protocols from <paramref name="min"/> to <paramref name="max"/>. SSL 3.0 is left out: the platform cannot
    /// speak it, so a range starting there starts at TLS 1.0.
    /// </summary>
    public static SslProtocols Range(TlsVersion min, TlsVersion max)
    {
        var protocols = SslProtocols.None;
        for (var version = min; version <= max; version++)
        {
            protocols |= Protocol(version);
        }

        return protocols;
    }

    /// <summary>
    /// The policy allowing <paramref name="suites"/> and every TLS 1.3 suite; null where the platform cannot restrict
    /// suites (anything but Linux and macOS) and the configuration keeps KrakenD's defaults, whose restriction the
    /// platform's own defaults then replace. Explicit suites there are an error.
    /// </summary>
    public static CipherSuitesPolicy? Policy(IReadOnlyList<TlsCipherSuite> suites, string jsonPath, ConfigProblems problems)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            return new CipherSuitesPolicy(suites.Concat(Tls13Suites).Distinct());
        }

        if (!ReferenceEquals(suites, TlsDefaults.CipherSuites))
        {
            problems.Error(JsonPaths.Property(jsonPath, "cipher_suites"), "cipher suites can only be chosen on Linux and macOS");
        }

        return null;
    }

#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are obsolete; they are enabled only when min_version asks for them.
    private static SslProtocols Protocol(TlsVersion version) => version switch
    {
        TlsVersion.Tls10 => SslProtocols.Tls,
        TlsVersion.Tls11 => SslProtocols.Tls11,
        TlsVersion.Tls12 => SslProtocols.Tls12,
        TlsVersion.Tls13 => SslProtocols.Tls13,
        _ => SslProtocols.None,
    };
#pragma warning restore SYSLIB0039
}

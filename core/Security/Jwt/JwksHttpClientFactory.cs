using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Security.Tls;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Builds the HTTP client that downloads a key set, with the TLS settings of its <see cref="JwkSourceOptions"/>: TLS 1.2
/// or later with the configured cipher suites, the machine's roots plus <c>jwk_local_ca</c>, the
/// <c>jwk_fingerprints</c> pins on top of the normal checks, and no checks at all with <c>disable_jwk_security</c>
/// (pins still apply, as in KrakenD).
/// </summary>
/// <remarks>
/// The cipher suites are applied on Linux, where Switchyard runs; other platforms use their own defaults (.NET offers
/// <see cref="CipherSuitesPolicy"/> on Linux only).
/// </remarks>
internal static class JwksHttpClientFactory
{
    /// <summary>How long one download may take, connection included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The largest key set read: a JWKS is a few kilobytes.</summary>
    public const int MaxBytes = 1 << 20;

    // TLS 1.3 suites are not configurable in Go either: always allowed.
    private static readonly TlsCipherSuite[] Tls13Suites =
        [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];

    /// <summary>A client for <paramref name="options"/>; throws <see cref="JwkSetException"/> when its CA file cannot be read.</summary>
    public static HttpClient Create(JwkSourceOptions options, string userAgent)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = CertificateCheck(options, LoadLocalCa(options.LocalCa)),
        };
        if (OperatingSystem.IsLinux())
        {
            ssl.CipherSuitesPolicy = new CipherSuitesPolicy([.. options.CipherSuites.Select(suite => (TlsCipherSuite)suite), .. Tls13Suites]);
        }

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.GZip,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            SslOptions = ssl,
        };
        var client = new HttpClient(handler) { Timeout = Timeout, MaxResponseContentBufferSize = MaxBytes };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>The base64url SHA-256 digest of a certificate's DER SubjectPublicKeyInfo, as <c>jwk_fingerprints</c> lists them.</summary>
    public static byte[] Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    private static X509Certificate2Collection? LoadLocalCa(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new JwkSetException($"jwk_local_ca '{path}' cannot be read: {exception.Message}", exception);
        }

        return authorities.Count > 0 ? authorities : throw new JwkSetException($"jwk_local_ca '{path}' holds no PEM certificate");
    }

    // Checked against the machine's roots plus the local CA (the platform's own verdict knows only the former); a
    // certificate that does not name the host never passes. The pins apply on top, even without security.
    private static RemoteCertificateValidationCallback CertificateCheck(JwkSourceOptions options, X509Certificate2Collection? localCa)
    {
        var authorities = new CertificateAuthorities(localCa ?? [], useSystemStore: true, CertificateAuthorities.ServerAuthentication);
        return (_, certificate, chain, errors) =>
        {
            if (!options.DisableJwkSecurity)
            {
                return authorities.Validate(certificate, chain, errors, trusted => IsPinned(options, trusted));
            }

            if (certificate is null)
            {
                return false;
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return IsPinned(options, chain?.ChainElements.Select(element => element.Certificate).ToList() ?? [leaf]);
        };
    }

    private static bool IsPinned(JwkSourceOptions options, IEnumerable<X509Certificate2> chain)
    {
        if (options.Fingerprints.Count == 0)
        {
            return true;
        }

        foreach (var certificate in chain)
        {
            var fingerprint = Fingerprint(certificate);
            if (options.Fingerprints.Any(pin => pin.AsSpan().SequenceEqual(fingerprint)))
            {
                return true;
            }
        }

        return false;
    }
}

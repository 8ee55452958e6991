using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Testing;

/// <summary>
/// A private certificate authority made for one test run, and a server certificate it issued for 127.0.0.1 (and
/// <c>localhost</c>): a loopback server serves HTTPS with the server certificate, and its clients trust the CA alone
/// (<see cref="CustomRootTrust"/>), never the machine's store. It issues more certificates on demand: client
/// certificates for mutual TLS, server certificates for other names.
/// </summary>
public sealed class LoopbackCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2 _issuer;
    private readonly DateTimeOffset _notBefore;
    private readonly DateTimeOffset _notAfter;

    private LoopbackCertificateAuthority(X509Certificate2 issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        _issuer = issuer;
        _notBefore = notBefore;
        _notAfter = notAfter;
        Certificate = X509CertificateLoader.LoadCertificate(issuer.RawData);
        ServerCertificate = IssueServerCertificate("localhost", IPAddress.Loopback, "CN=127.0.0.1");
    }

    /// <summary>The CA's self-signed certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Creates the CA and the server certificate, valid from an hour ago for two days.</summary>
    public static LoopbackCertificateAuthority Create(string name = "Switchyard test CA")
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = notBefore.AddDays(2);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        return new LoopbackCertificateAuthority(caRequest.CreateSelfSigned(notBefore, notAfter), notBefore, notAfter);
    }

    /// <summary>A server certificate (with its private key) for <paramref name="dnsName"/> and optionally an IP address.</summary>
    public X509Certificate2 IssueServerCertificate(string dnsName, IPAddress? address = null, string? subject = null)
    {
        var names = new SubjectAlternativeNameBuilder();
        if (address is not null)
        {
            names.AddIpAddress(address);
        }

        names.AddDnsName(dnsName);
        return Issue(subject ?? $"CN={dnsName}", names.Build(), ServerAuthentication);
    }

    /// <summary>A client certificate (with its private key) for mutual TLS, named <paramref name="commonName"/>.</summary>
    public X509Certificate2 IssueClientCertificate(string commonName = "Switchyard test client") =>
        Issue($"CN={commonName}", null, ClientAuthentication);

    /// <summary>The CA certificate in PEM, as a server's clients (the gateway, node, curl) load it.</summary>
    public string CertificatePem() => Certificate.ExportCertificatePem();

    /// <summary>The server certificate in PEM.</summary>
    public string ServerCertificatePem() => ServerCertificate.ExportCertificatePem();

    /// <summary>The server certificate's private key in PEM (PKCS#8).</summary>
    public string ServerKeyPem() => PrivateKeyPem(ServerCertificate);

    /// <summary>The private key of a certificate this authority issued, in PEM (PKCS#8).</summary>
    public static string PrivateKeyPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The certificate has no EC private key.");
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _issuer.Dispose();
        Certificate.Dispose();
        ServerCertificate.Dispose();
    }

    private X509Certificate2 Issue(string subject, X509Extension? names, Oid usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_issuer, true, false));

        using var issued = request.Create(_issuer, _notBefore, _notAfter, RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }
}

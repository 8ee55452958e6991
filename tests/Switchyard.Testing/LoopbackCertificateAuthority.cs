using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Testing;

/// <summary>
/// A private certificate authority made for one test run, and a server certificate it issued for 127.0.0.1 (and
/// <c>localhost</c>): a loopback server serves HTTPS with the server certificate, and its clients trust the CA alone
/// (<see cref="CustomRootTrust"/>), never the machine's store.
/// </summary>
public sealed class LoopbackCertificateAuthority : IDisposable
{
    private LoopbackCertificateAuthority(X509Certificate2 certificate, X509Certificate2 serverCertificate)
    {
        Certificate = certificate;
        ServerCertificate = serverCertificate;
    }

    /// <summary>The CA's self-signed certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Creates the CA and the server certificate, valid from an hour ago for two days.</summary>
    public static LoopbackCertificateAuthority Create()
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = notBefore.AddDays(2);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Switchyard test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));

        using var issued = serverRequest.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        var server = issued.CopyWithPrivateKey(serverKey);
        var caPublic = X509CertificateLoader.LoadCertificate(ca.RawData);
        return new LoopbackCertificateAuthority(caPublic, server);
    }

    /// <summary>The CA certificate in PEM, as a server's clients (the gateway, node, curl) load it.</summary>
    public string CertificatePem() => Certificate.ExportCertificatePem();

    /// <summary>The server certificate in PEM.</summary>
    public string ServerCertificatePem() => ServerCertificate.ExportCertificatePem();

    /// <summary>The server certificate's private key in PEM (PKCS#8).</summary>
    public string ServerKeyPem()
    {
        using var key = ServerCertificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The server certificate has no EC private key.");
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        ServerCertificate.Dispose();
    }
}

using System.Security.Cryptography.X509Certificates;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// The certificates of the TLS tests, made once per test class with <c>CertificateRequest</c> and written as PEM files:
/// a private CA with a server certificate for 127.0.0.1 and a client certificate, and another CA with its own client
/// certificate (a stranger to the first).
/// </summary>
public sealed class TlsCertificates : IDisposable
{
    public TlsCertificates()
    {
        Client = Authority.IssueClientCertificate("trusted client");
        StrangerClient = OtherAuthority.IssueClientCertificate("stranger");
        CaFile = Files.WriteCertificate("ca", Authority.Certificate);
        OtherCaFile = Files.WriteCertificate("other-ca", OtherAuthority.Certificate);
        (ServerFile, ServerKeyFile) = Files.WriteKeyPair("server", Authority.ServerCertificate);
        (ClientFile, ClientKeyFile) = Files.WriteKeyPair("client", Client);
    }

    /// <summary>The CA the gateway's server certificate and the trusted client certificate come from.</summary>
    public LoopbackCertificateAuthority Authority { get; } = LoopbackCertificateAuthority.Create();

    /// <summary>A CA nobody is told to trust.</summary>
    public LoopbackCertificateAuthority OtherAuthority { get; } = LoopbackCertificateAuthority.Create("Switchyard other CA");

    /// <summary>The folder of the PEM files.</summary>
    public CertificateFiles Files { get; } = new();

    /// <summary>A client certificate of <see cref="Authority"/>.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>A client certificate of <see cref="OtherAuthority"/>.</summary>
    public X509Certificate2 StrangerClient { get; }

    public string CaFile { get; }

    public string OtherCaFile { get; }

    public string ServerFile { get; }

    public string ServerKeyFile { get; }

    public string ClientFile { get; }

    public string ClientKeyFile { get; }

    /// <summary>The <c>keys</c> array of a <c>tls</c> object serving the 127.0.0.1 certificate.</summary>
    public string ServerKeys => $$"""[{"public_key": {{CertificateFiles.Json(ServerFile)}}, "private_key": {{CertificateFiles.Json(ServerKeyFile)}}}]""";

    /// <summary>A root <c>tls</c> key with the server certificate and <paramref name="keys"/> (more keys of the object).</summary>
    public string Tls(string keys = "") =>
        $$"""
        "tls": {"keys": {{ServerKeys}}{{(keys.Length > 0 ? ", " + keys : "")}}}
        """;

    public void Dispose()
    {
        Client.Dispose();
        StrangerClient.Dispose();
        Files.Dispose();
        Authority.Dispose();
        OtherAuthority.Dispose();
    }
}

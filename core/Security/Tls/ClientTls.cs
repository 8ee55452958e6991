using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>
/// TLS to backends, loaded from <c>client_tls</c>: how a backend's certificate is verified (the configured and, unless
/// disabled, the system's authorities; or not at all with <c>allow_insecure_connections</c>), the protocol range and
/// cipher suites offered, and the client certificates presented to a backend that asks for one.
/// </summary>
public sealed class ClientTls : IDisposable
{
    private readonly SslProtocols _protocols;
    private readonly CipherSuitesPolicy? _cipherSuites;
    private readonly CertificateAuthorities? _authorities;
    private readonly bool _allowInsecure;
    private readonly List<CertificateWithChain> _clientCertificates;
    private readonly SslStreamCertificateContext? _singleClientCertificate;

    private ClientTls(
        SslProtocols protocols,
        CipherSuitesPolicy? cipherSuites,
        CertificateAuthorities? authorities,
        bool allowInsecure,
        List<CertificateWithChain> clientCertificates)
    {
        _protocols = protocols;
        _cipherSuites = cipherSuites;
        _authorities = authorities;
        _allowInsecure = allowInsecure;
        _clientCertificates = clientCertificates;

        // A single certificate goes out with its intermediates; among several, the platform picks the one whose issuer
        // the backend asks for.
        _singleClientCertificate = clientCertificates is [var only]
            ? SslStreamCertificateContext.Create(only.Certificate, only.Intermediates, offline: true)
            : null;
    }

    /// <summary>The options every backend connection starts from (the handler sets the host name of each).</summary>
    public SslClientAuthenticationOptions CreateOptions() => new()
    {
        EnabledSslProtocols = _protocols,
        CipherSuitesPolicy = _cipherSuites,
        RemoteCertificateValidationCallback = ValidationCallback(),
        ClientCertificateContext = _singleClientCertificate,
        ClientCertificates = _clientCertificates.Count > 1 ? [.. _clientCertificates.Select(c => c.Certificate)] : null,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    public void Dispose()
    {
        _authorities?.Dispose();
        foreach (var certificate in _clientCertificates)
        {
            certificate.Dispose();
        }
    }

    /// <summary>Reads the files of <c>client_tls</c>; null when any is wrong (each problem reported with its path).</summary>
    internal static ClientTls? Load(ClientTlsOptions options, PemFiles files)
    {
        var problems = files.Problems;
        var roots = files.ReadAuthorities(options.CaCerts, JsonPaths.Property(ClientTlsOptions.JsonPath, "ca_certs"));

        // Only a custom trust needs a check of Switchyard's own: with the system's authorities alone, the platform's is
        // the same.
        var authorities = roots.Count > 0 || options.DisableSystemCaPool
            ? new CertificateAuthorities(roots, !options.DisableSystemCaPool, CertificateAuthorities.ServerAuthentication)
            : null;
        var clientCertificates = new List<CertificateWithChain>();
        foreach (var pair in options.ClientCerts)
        {
            if (files.ReadKeyPair(pair) is { } certificate)
            {
                clientCertificates.Add(certificate);
            }
        }

        var cipherSuites = TlsProtocols.Policy(options.CipherSuites, ClientTlsOptions.JsonPath, problems);
        if (problems.HasErrorAt(ClientTlsOptions.JsonPath))
        {
            authorities?.Dispose();
            clientCertificates.ForEach(c => c.Dispose());
            return null;
        }

        return new ClientTls(
            TlsProtocols.Range(options.MinVersion, options.MaxVersion),
            cipherSuites,
            authorities,
            options.AllowInsecureConnections,
            clientCertificates);
    }

    private RemoteCertificateValidationCallback? ValidationCallback()
    {
        if (_allowInsecure)
        {
            // allow_insecure_connections: KrakenD's InsecureSkipVerify, asked for in the configuration.
            return static (_, _, _, _) => true;
        }

        return _authorities is { } authorities ? (_, certificate, chain, errors) => authorities.Validate(certificate, chain, errors) : null;
    }
}

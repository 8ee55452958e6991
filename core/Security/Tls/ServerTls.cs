using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>
/// The gateway's HTTPS, loaded from <c>tls</c>: its certificates (one chosen per connection by the client's SNI host
/// name, else the first, as Go chooses), the protocol range, the cipher suites and, with <c>enable_mtls</c>, the
/// authorities a client certificate must chain to. The web host asks it for the options of each handshake.
/// </summary>
public sealed class ServerTls : IDisposable
{
    private readonly List<CertificateWithChain> _certificates;
    private readonly List<SslStreamCertificateContext> _contexts;
    private readonly SslProtocols _protocols;
    private readonly CipherSuitesPolicy? _cipherSuites;
    private readonly CertificateAuthorities? _clientAuthorities;

    private ServerTls(
        List<CertificateWithChain> certificates,
        SslProtocols protocols,
        CipherSuitesPolicy? cipherSuites,
        CertificateAuthorities? clientAuthorities)
    {
        _certificates = certificates;
        _protocols = protocols;
        _cipherSuites = cipherSuites;
        _clientAuthorities = clientAuthorities;

        // With mTLS the handshake names the configured authorities, so clients holding several certificates offer the right one.
        var trust = clientAuthorities is { Roots.Count: > 0 }
            ? SslCertificateTrust.CreateForX509Collection(clientAuthorities.Roots, sendTrustInHandshake: true)
            : null;
        _contexts = [.. certificates.Select(c => SslStreamCertificateContext.Create(c.Certificate, c.Intermediates, offline: true, trust))];
    }

    /// <summary>True when every connection must present a verified client certificate.</summary>
    public bool RequiresClientCertificate => _clientAuthorities is not null;

    /// <summary>The options of one handshake, for a client that asked for <paramref name="serverName"/> (SNI), if any.</summary>
    public SslServerAuthenticationOptions OptionsFor(string? serverName) => new()
    {
        ServerCertificateContext = _contexts[IndexFor(serverName)],
        EnabledSslProtocols = _protocols,
        CipherSuitesPolicy = _cipherSuites,
        ClientCertificateRequired = _clientAuthorities is not null,
        RemoteCertificateValidationCallback = _clientAuthorities is { } authorities ? (_, certificate, chain, errors) =>
            authorities.Validate(certificate, chain, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) : null,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        AllowRenegotiation = false,
    };

    public void Dispose()
    {
        _clientAuthorities?.Dispose();
        foreach (var certificate in _certificates)
        {
            certificate.Dispose();
        }
    }

    /// <summary>Reads the files of an active <c>tls</c>; null when any is wrong (each problem reported with its path).</summary>
    internal static ServerTls? Load(ServerTlsOptions options, PemFiles files)
    {
        var certificates = new List<CertificateWithChain>();
        foreach (var pair in options.Keys)
        {
            if (files.ReadKeyPair(pair) is { } certificate)
            {
                certificates.Add(certificate);
            }
        }

        var problems = files.Problems;
        var clientAuthorities = options.EnableMtls ? ClientAuthorities(options, certificates, files) : null;
        var cipherSuites = TlsProtocols.Policy(options.CipherSuites, ServerTlsOptions.JsonPath, problems);
        if (problems.HasErrorAt(ServerTlsOptions.JsonPath) || certificates.Count == 0)
        {
            clientAuthorities?.Dispose();
            certificates.ForEach(c => c.Dispose());
            return null;
        }

        return new ServerTls(certificates, TlsProtocols.Range(options.MinVersion, options.MaxVersion), cipherSuites, clientAuthorities);
    }

    // KrakenD trusts the server's own certificates as client authorities too; so does Switchyard, to accept what it does.
    private static CertificateAuthorities ClientAuthorities(ServerTlsOptions options, List<CertificateWithChain> serverCertificates, PemFiles files)
    {
        var roots = files.ReadAuthorities(options.CaCerts, JsonPaths.Property(ServerTlsOptions.JsonPath, "ca_certs"));
        foreach (var server in serverCertificates)
        {
            roots.Add(X509CertificateLoader.LoadCertificate(server.Certificate.RawData));
        }

        return new CertificateAuthorities(roots, !options.DisableSystemCaPool, CertificateAuthorities.ClientAuthentication);
    }

    private int IndexFor(string? serverName)
    {
        if (!string.IsNullOrEmpty(serverName) && _certificates.Count > 1)
        {
            for (var i = 0; i < _certificates.Count; i++)
            {
                if (_certificates[i].Certificate.MatchesHostname(serverName))
                {
                    return i;
                }
            }
        }

        return 0;
    }
}

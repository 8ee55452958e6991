using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>What one TLS handshake with a server gave: the protocol, suite and certificate, or the failure.</summary>
/// <param name="Protocol">The negotiated protocol, when the handshake succeeded.</param>
/// <param name="CipherSuite">The negotiated suite, when it succeeded.</param>
/// <param name="ServerCertificateSubject">The subject of the server's certificate, when it succeeded.</param>
/// <param name="Failure">Why it failed, or null.</param>
internal sealed record TlsHandshake(SslProtocols Protocol, TlsCipherSuite CipherSuite, string? ServerCertificateSubject, Exception? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>
    /// A handshake with the server at <paramref name="address"/> that trusts <paramref name="root"/> alone, offering
    /// <paramref name="protocols"/> (and only <paramref name="suites"/> when given) for <paramref name="serverName"/>.
    /// </summary>
    public static async Task<TlsHandshake> RunAsync(
        Uri address,
        X509Certificate2 root,
        SslProtocols protocols = SslProtocols.None,
        string serverName = "127.0.0.1",
        IEnumerable<TlsCipherSuite>? suites = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var tls = new SslStream(tcp.GetStream());
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            EnabledSslProtocols = protocols,
            CipherSuitesPolicy = suites is null ? null : Policy(suites),

            // The test looks at the certificate it got; trust is CustomRootTrust's, with any name for SNI tests.
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                CustomRootTrust.Callback(root)(sender, certificate, chain, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch),
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options);
            return new TlsHandshake(tls.SslProtocol, tls.NegotiatedCipherSuite, tls.RemoteCertificate?.Subject, null);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return new TlsHandshake(SslProtocols.None, default, null, e);
        }
    }

    private static CipherSuitesPolicy Policy(IEnumerable<TlsCipherSuite> suites) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("Cipher suites cannot be chosen on Windows.") : new(suites);
}

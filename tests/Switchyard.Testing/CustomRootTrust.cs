using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Testing;

/// <summary>
/// HTTPS clients that trust one root certificate and nothing else: not the machine's store, and no certificate that
/// does not chain to that root or does not name the host.
/// </summary>
public static class CustomRootTrust
{
    /// <summary>A handler whose server certificate check accepts only chains to <paramref name="root"/>.</summary>
    public static SocketsHttpHandler Handler(X509Certificate2 root) => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Callback(root) },
    };

    /// <summary>
    /// A server certificate check that builds the chain with <see cref="X509ChainTrustMode.CustomRootTrust"/> and
    /// <paramref name="root"/> alone in the custom trust store; a name mismatch or a missing certificate fails.
    /// </summary>
    public static RemoteCertificateValidationCallback Callback(X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
    }
}

using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Core.Security.Tls;

/// <summary>A certificate with its private key, and the intermediate certificates sent with it.</summary>
/// <param name="Certificate">The certificate, with its private key.</param>
/// <param name="Intermediates">The certificates that followed it in its PEM file, possibly none.</param>
internal sealed record CertificateWithChain(X509Certificate2 Certificate, X509Certificate2Collection Intermediates) : IDisposable
{
    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var intermediate in Intermediates)
        {
            intermediate.Dispose();
        }
    }
}

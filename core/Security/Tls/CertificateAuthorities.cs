using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Core.Security.Tls;

/// <summary>
/// The authorities a peer's certificate may chain to: the configured ones (<c>ca_certs</c>) and, unless
/// <c>disable_system_ca_pool</c>, the system's. The chain is built by the platform (<see cref="X509Chain"/>, custom root
/// trust for the configured authorities), for one purpose (server or client authentication), without revocation
/// checks, as Go verifies it.
/// </summary>
internal sealed class CertificateAuthorities : IDisposable
{
    /// <summary>The extended key usage a server certificate must allow (when it restricts usages at all).</summary>
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>The extended key usage a client certificate must allow (when it restricts usages at all).</summary>
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2Collection _roots;
    private readonly bool _useSystemStore;
    private readonly Oid _purpose;

    /// <param name="roots">The configured authorities; owned (disposed) by this instance.</param>
    /// <param name="useSystemStore">Whether the system's authorities are trusted too.</param>
    /// <param name="purpose">The extended key usage the peer's certificate must allow.</param>
    public CertificateAuthorities(X509Certificate2Collection roots, bool useSystemStore, Oid purpose)
    {
        _roots = roots;
        _useSystemStore = useSystemStore;
        _purpose = purpose;
    }

    /// <summary>The configured authorities (not the system's).</summary>
    public X509Certificate2Collection Roots => _roots;

    /// <summary>
    /// A remote certificate check for <see cref="SslStream"/>: a certificate is required, must name the host (for a
    /// server), and must chain to one of the authorities. The platform's own verdict is not used: it knows only the
    /// system's authorities.
    /// </summary>
    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, Func<IEnumerable<X509Certificate2>, bool>? alsoRequire = null)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        if (certificate is X509Certificate2 certificate2)
        {
            return Trusts(certificate2, chain, alsoRequire);
        }

        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return Trusts(copy, chain, alsoRequire);
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to a configured authority or, when allowed, a system one; the
    /// intermediates the peer sent (in <paramref name="presented"/>'s extra store) may complete the chain.
    /// </summary>
    /// <param name="certificate">The peer's certificate.</param>
    /// <param name="presented">The chain the platform built, whose extra store holds the intermediates the peer sent.</param>
    /// <param name="alsoRequire">
    /// A further condition on the chain that was built (leaf first), such as a pinned key; checked while it is alive.
    /// </param>
    public bool Trusts(X509Certificate2 certificate, X509Chain? presented, Func<IEnumerable<X509Certificate2>, bool>? alsoRequire = null) =>
        (_roots.Count > 0 && Builds(certificate, presented, X509ChainTrustMode.CustomRootTrust, alsoRequire))
        || (_useSystemStore && Builds(certificate, presented, X509ChainTrustMode.System, alsoRequire));

    public void Dispose()
    {
        foreach (var root in _roots)
        {
            root.Dispose();
        }
    }

    private bool Builds(
        X509Certificate2 certificate, X509Chain? presented, X509ChainTrustMode trustMode, Func<IEnumerable<X509Certificate2>, bool>? alsoRequire)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = trustMode;
        if (trustMode == X509ChainTrustMode.CustomRootTrust)
        {
            policy.CustomTrustStore.AddRange(_roots);
        }

        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.ApplicationPolicy.Add(_purpose);
        policy.DisableCertificateDownloads = true;
        if (presented is not null)
        {
            policy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        return chain.Build(certificate) && (alsoRequire?.Invoke(chain.ChainElements.Select(element => element.Certificate)) ?? true);
    }
}

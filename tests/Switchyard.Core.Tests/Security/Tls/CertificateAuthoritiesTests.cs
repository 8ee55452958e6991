using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Security.Tls;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Tls;

/// <summary>Chain checks against configured authorities, with the purpose the peer's certificate must allow.</summary>
public sealed class CertificateAuthoritiesTests : IDisposable
{
    private readonly LoopbackCertificateAuthority _authority = LoopbackCertificateAuthority.Create();
    private readonly LoopbackCertificateAuthority _other = LoopbackCertificateAuthority.Create("Other CA");

    [Fact]
    public void A_client_certificate_of_a_configured_authority_is_trusted_for_client_authentication()
    {
        using var client = _authority.IssueClientCertificate();
        using var authorities = Authorities(CertificateAuthorities.ClientAuthentication);

        authorities.Trusts(client, presented: null).Should().BeTrue();
    }

    [Fact]
    public void A_certificate_of_another_authority_is_not_trusted()
    {
        using var stranger = _other.IssueClientCertificate();
        using var authorities = Authorities(CertificateAuthorities.ClientAuthentication);

        authorities.Trusts(stranger, presented: null).Should().BeFalse();
    }

    [Fact]
    public void A_certificate_for_servers_only_is_not_a_client_certificate()
    {
        using var authorities = Authorities(CertificateAuthorities.ClientAuthentication);

        authorities.Trusts(_authority.ServerCertificate, presented: null).Should().BeFalse();
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable)]
    public void A_server_that_names_another_host_or_sends_no_certificate_is_refused(SslPolicyErrors errors)
    {
        using var authorities = Authorities(CertificateAuthorities.ServerAuthentication);

        authorities.Validate(_authority.ServerCertificate, chain: null, errors).Should().BeFalse();
        authorities.Validate(_authority.ServerCertificate, chain: null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue();
    }

    [Fact]
    public void No_certificate_is_never_trusted()
    {
        using var authorities = Authorities(CertificateAuthorities.ServerAuthentication);

        authorities.Validate(certificate: null, chain: null, SslPolicyErrors.None).Should().BeFalse();
    }

    public void Dispose()
    {
        _authority.Dispose();
        _other.Dispose();
    }

    private CertificateAuthorities Authorities(Oid purpose) =>
        new([X509CertificateLoader.LoadCertificate(_authority.Certificate.RawData)], useSystemStore: false, purpose);
}

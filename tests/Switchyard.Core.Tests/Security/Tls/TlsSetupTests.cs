using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Tls;
using Switchyard.Testing;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Security.Tls;

/// <summary>
/// Reading the PEM files of <c>tls</c> and <c>client_tls</c>: what works, and every file that cannot be used, reported at
/// the JSON path that names it (never skipped, as KrakenD skips a bad client pair).
/// </summary>
public sealed class TlsSetupTests : IDisposable
{
    private readonly LoopbackCertificateAuthority _authority = LoopbackCertificateAuthority.Create();
    private readonly CertificateFiles _files = new();
    private readonly string _ca;
    private readonly (string Certificate, string Key) _server;
    private readonly (string Certificate, string Key) _client;

    public TlsSetupTests()
    {
        _ca = _files.WriteCertificate("ca", _authority.Certificate);
        _server = _files.WriteKeyPair("server", _authority.ServerCertificate);
        using var client = _authority.IssueClientCertificate();
        _client = _files.WriteKeyPair("client", client);
    }

    [Fact]
    public void Good_files_load_for_both_sides()
    {
        using var setup = TlsSetup.Load(Config(Server(_server), Client(_client, _ca)), serveHttps: true);

        setup.Errors.Should().BeEmpty();
        setup.Server.Should().NotBeNull();
        setup.Server!.RequiresClientCertificate.Should().BeTrue();
        setup.Client.Should().NotBeNull();
        setup.Client!.CreateOptions().ClientCertificateContext.Should().NotBeNull();
    }

    [Fact]
    public void A_certificate_file_with_more_certificates_serves_the_first_with_its_key()
    {
        var bundle = _files.Write("bundle.pem", _authority.ServerCertificatePem() + "\n" + _authority.CertificatePem());
        using var setup = TlsSetup.Load(Config(Server((bundle, _server.Key))), serveHttps: true);

        setup.Errors.Should().BeEmpty();
        setup.Server!.OptionsFor("127.0.0.1").ServerCertificateContext!.TargetCertificate.Subject.Should().Be("CN=127.0.0.1");
    }

    [Fact]
    public void An_rsa_certificate_with_a_pkcs1_key_loads()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=rsa.switchyard.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pair = (_files.Write("rsa.pem", certificate.ExportCertificatePem()), _files.Write("rsa-key.pem", rsa.ExportRSAPrivateKeyPem()));

        using var setup = TlsSetup.Load(Config(Server(pair)), serveHttps: true);

        setup.Errors.Should().BeEmpty();
        setup.Server!.OptionsFor(null).ServerCertificateContext!.TargetCertificate.Subject.Should().Be("CN=rsa.switchyard.test");
    }

    [Fact]
    public void Under_the_functions_host_the_server_files_are_not_read()
    {
        using var setup = TlsSetup.Load(Config(Server(("missing.pem", "missing-key.pem"))), serveHttps: false);

        setup.Errors.Should().BeEmpty();
        setup.Server.Should().BeNull();
    }

    [Fact]
    public void Without_tls_or_client_tls_nothing_is_read()
    {
        using var setup = TlsSetup.Load(LoadValid("""{"version": 3}"""), serveHttps: true);

        setup.Errors.Should().BeEmpty();
        setup.Server.Should().BeNull();
        setup.Client.Should().BeNull();
    }

    [Fact]
    public void Every_unusable_file_is_an_error_at_its_path()
    {
        var missing = Path.Combine(_files.Folder, "missing.pem");
        var notPem = _files.Write("not-pem.pem", "just text");
        using var other = _authority.IssueClientCertificate("other");
        var (_, otherKey) = _files.WriteKeyPair("other", other);
        var config = Config(
            Server((missing, _server.Key)) + ", \"ca_certs\": [" + CertificateFiles.Json(notPem) + "]",
            Client((_client.Certificate, otherKey), _ca));

        using var setup = TlsSetup.Load(config, serveHttps: true);

        setup.Server.Should().BeNull();
        setup.Client.Should().BeNull();
        setup.Errors.Select(e => e.Path).Should().Equal("tls.keys[0].public_key", "tls.ca_certs[0]", "client_tls.client_certs[0].private_key");
        setup.Errors[0].Message.Should().StartWith($"cannot read {missing}: ");
        setup.Errors[1].Message.Should().Be($"{notPem} holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        setup.Errors[2].Message.Should().StartWith($"{otherKey} is not the private key of the certificate in {_client.Certificate}: ");
    }

    [Fact]
    public void A_missing_key_file_and_a_missing_authority_file_name_their_paths()
    {
        var missing = Path.Combine(_files.Folder, "nowhere", "key.pem");
        var config = Config(Server((_server.Certificate, missing)), Client(_client, Path.Combine(_files.Folder, "no-ca.pem")));

        using var setup = TlsSetup.Load(config, serveHttps: true);

        setup.Errors.Select(e => e.Path).Should().Equal("tls.keys[0].private_key", "client_tls.ca_certs[0]");
        setup.Errors.Should().AllSatisfy(e => e.Message.Should().StartWith("cannot read "));
    }

    [Fact]
    public void A_key_file_holding_no_key_is_an_error_at_the_key()
    {
        using var setup = TlsSetup.Load(Config(Server((_server.Certificate, _ca))), serveHttps: true);

        setup.Errors.Should().ContainSingle().Which.Path.Should().Be("tls.keys[0].private_key");
    }

    [Fact]
    public void Or_throw_lists_every_error()
    {
        using var setup = TlsSetup.Load(Config(Server(("a.pem", "b.pem"))), serveHttps: true);

        var act = () => setup.OrThrow();

        act.Should().Throw<InvalidOperationException>().WithMessage("*tls.keys[0].public_key: cannot read a.pem*");
    }

    private static ServiceConfig Config(string tls, string? clientTls = null) =>
        LoadValid($$"""{"version": 3, "tls": {{{tls}}} {{(clientTls is null ? "" : $", \"client_tls\": {{{clientTls}}}")}}}""");

    private string Server((string Certificate, string Key) pair) =>
        $$"""
        "keys": [{"public_key": {{CertificateFiles.Json(pair.Certificate)}}, "private_key": {{CertificateFiles.Json(pair.Key)}}}],
        "enable_mtls": true, "ca_certs": [{{CertificateFiles.Json(_ca)}}]
        """;

    private static string Client((string Certificate, string Key) pair, string ca) =>
        $$"""
        "ca_certs": [{{CertificateFiles.Json(ca)}}],
        "client_certs": [{"certificate": {{CertificateFiles.Json(pair.Certificate)}}, "private_key": {{CertificateFiles.Json(pair.Key)}}}]
        """;

    public void Dispose()
    {
        _files.Dispose();
        _authority.Dispose();
    }
}

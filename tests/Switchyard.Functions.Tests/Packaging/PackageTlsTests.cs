using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Packaging;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// <c>tls</c> and <c>client_tls</c> in a function app: <c>tls</c> is the platform's (a note, its <c>min_version</c> as the
/// app's <c>minTlsVersion</c>, its files left out; <c>enable_mtls</c> refused), <c>client_tls</c> still applies (its files
/// are checked and shipped beside the configuration).
/// </summary>
public sealed class PackageTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-package-tls-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private readonly LoopbackCertificateAuthority _authority = LoopbackCertificateAuthority.Create();

    public PackageTlsTests()
    {
        var certs = Directory.CreateDirectory(Path.Combine(_directory, "certs")).FullName;
        File.WriteAllText(Path.Combine(certs, "ca.pem"), _authority.CertificatePem());
        using var client = _authority.IssueClientCertificate();
        File.WriteAllText(Path.Combine(certs, "client.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(certs, "client-key.pem"), LoopbackCertificateAuthority.PrivateKeyPem(client));
    }

    private string Output => Path.Combine(_directory, "dist");

    [Fact]
    public async Task Tls_is_left_to_the_platform_with_a_note_and_client_tls_files_are_shipped_beside_the_configuration()
    {
        var config = WriteConfig("""
            "tls": {"keys": [{"public_key": "server.pem", "private_key": "server-key.pem"}], "min_version": "TLS13"},
            "client_tls": {"ca_certs": ["certs/ca.pem"], "client_certs": [{"certificate": "certs/client.pem", "private_key": "./certs/client-key.pem"}]}
            """);

        (await Package(config)).Should().Be(0, _errors.ToString());

        _errors.ToString().Should().Contain("note: tls does not apply in a function app: TLS ends at the platform's front end")
            .And.Contain("minTlsVersion 1.3").And.Contain("client_tls still applies");
        foreach (var file in new[] { "certs/ca.pem", "certs/client.pem", "certs/client-key.pem" })
        {
            File.ReadAllText(Path.Combine(Output, "app", file)).Should().Be(File.ReadAllText(Path.Combine(_directory, file)));
        }

        Directory.GetFiles(Path.Combine(Output, "app"), "server*", SearchOption.AllDirectories).Should().BeEmpty();
        JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "main.parameters.json")))!["parameters"]!["minTlsVersion"]!["value"]!
            .GetValue<string>().Should().Be("1.3");
    }

    [Fact]
    public async Task Mutual_tls_is_refused_because_the_front_end_would_let_any_client_certificate_through()
    {
        var config = WriteConfig("""
            "tls": {"keys": [{"public_key": "server.pem", "private_key": "server-key.pem"}], "enable_mtls": true, "ca_certs": ["certs/ca.pem"]}
            """);

        (await Package(config)).Should().Be(1);

        _errors.ToString().Should().Contain("error: tls.enable_mtls: client certificates cannot be verified in a function app")
            .And.Contain("nothing was packaged");
        Directory.Exists(Output).Should().BeFalse();
    }

    [Fact]
    public async Task A_client_tls_file_that_cannot_be_read_is_an_error()
    {
        var config = WriteConfig("\"client_tls\": {\"ca_certs\": [\"certs/missing.pem\"]}");

        (await Package(config)).Should().Be(1);

        _errors.ToString().Should().Contain("error: client_tls.ca_certs[0]: cannot read certs/missing.pem");
        Directory.Exists(Output).Should().BeFalse();
    }

    [Fact]
    public async Task A_readable_client_tls_file_outside_the_configurations_folder_is_an_error()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_directory)!, Path.GetFileName(_directory) + "-outside.pem");
        File.WriteAllText(outside, _authority.CertificatePem());
        try
        {
            var config = WriteConfig($"\"client_tls\": {{\"ca_certs\": [\"../{Path.GetFileName(outside)}\"]}}");

            (await Package(config)).Should().Be(1);

            _errors.ToString().Should().Contain($"error: client_tls.ca_certs[0]: ../{Path.GetFileName(outside)} cannot be packaged");
            Directory.Exists(Output).Should().BeFalse();
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void An_absolute_or_escaping_client_tls_path_cannot_be_packaged()
    {
        var errors = new List<string>();
        var config = new ServiceConfig
        {
            ClientTls = new ClientTlsOptions { CaCerts = ["/etc/ssl/ca.pem", "../ca.pem", "certs/../certs/ca.pem", "certs/ca.pem"] },
        };

        var files = PackagedFiles.Of(config, errors);

        files.Should().Equal("certs/ca.pem");
        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("client_tls.ca_certs[0]: /etc/ssl/ca.pem cannot be packaged: the function app has only the files of the configuration's folder");
        errors[1].Should().StartWith("client_tls.ca_certs[1]: ../ca.pem cannot be packaged");
    }

    [Theory]
    [InlineData(TlsVersion.Tls13, "1.3")]
    [InlineData(TlsVersion.Tls12, "1.2")]
    [InlineData(TlsVersion.Tls11, "1.1")]
    [InlineData(TlsVersion.Tls10, "1.0")]
    [InlineData(TlsVersion.Ssl30, "1.0")]
    public void Min_version_becomes_the_apps_min_tls_version(TlsVersion version, string expected)
    {
        var parameters = BicepParameters.Build("app", [], new ServerTlsOptions { MinVersion = version })["parameters"]!;

        parameters["minTlsVersion"]!["value"]!.GetValue<string>().Should().Be(expected);
    }

    [Fact]
    public void Without_active_tls_the_bicep_default_stays()
    {
        BicepParameters.Build("app", [], new ServerTlsOptions { Disabled = true })["parameters"]!.AsObject()
            .ContainsKey("minTlsVersion").Should().BeFalse();
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        _authority.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private string WriteConfig(string rootKeys)
    {
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, $$"""{"version": 3, {{rootKeys}}, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://a"], "url_pattern": "/a"}]}]}""");
        return path;
    }

    private Task<int> Package(string configPath) =>
        PackageCommand.PackageAsync(new PackageRequest(configPath, Output, Zip: false, Publish: false, Project: null, "shop"), _output, _errors, CancellationToken.None);
}

using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Security;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

/// <summary><c>check</c> and <c>run</c> read the TLS files: one that cannot be used is an error with its JSON path, and nothing starts.</summary>
public sealed class TlsCommandTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-tls-cli-").FullName;

    [Fact]
    public void Check_reads_the_files_of_tls_and_client_tls()
    {
        var path = Write($$"""
            {"version": 3,
             "tls": {"keys": {{certificates.ServerKeys}}, "enable_mtls": true, "ca_certs": [{{CertificateFiles.Json(certificates.CaFile)}}]},
             "client_tls": {"client_certs": [{"certificate": {{CertificateFiles.Json(certificates.ClientFile)}}, "private_key": {{CertificateFiles.Json(certificates.ServerKeyFile)}} }] } }
            """);
        var errors = new StringWriter();

        CheckCommand.Check(path, new StringWriter(), errors).Should().Be(1);

        errors.ToString().Should().Contain(
            $"error: client_tls.client_certs[0].private_key: {certificates.ServerKeyFile} is not the private key of the certificate in {certificates.ClientFile}: ");
        errors.ToString().TrimEnd().Should().EndWith("1 error, 0 warnings");
    }

    [Fact]
    public void Check_accepts_good_files()
    {
        var path = Write($$"""{"version": 3, "tls": {"keys": {{certificates.ServerKeys}} } }""");
        var output = new StringWriter();

        CheckCommand.Check(path, output, new StringWriter()).Should().Be(0);

        output.ToString().Should().Contain("the configuration is valid");
    }

    [Theory]
    [InlineData("""{"version": 3, "tls": {}}""", "error: tls: public key not defined")]
    [InlineData("""{"version": 3, "tls": {"keys": [{"public_key": "/nowhere/cert.pem", "private_key": "/nowhere/key.pem"}]}}""", "error: tls.keys[0].public_key: cannot read /nowhere/cert.pem")]
    public async Task Run_does_not_start_without_a_usable_key_pair(string json, string error)
    {
        var path = Write(json);
        var errors = new StringWriter();

        // A regression that let it start would serve until cancelled, then exit 0.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var exitCode = await RunCommand.RunAsync(path, 0, stop.Token, errors);

        exitCode.Should().Be(1);
        errors.ToString().Should().Contain(error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, json);
        return path;
    }
}

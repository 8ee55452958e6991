using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// A TLS 1.1 client, driven by <c>openssl s_client</c> (.NET's client cannot offer TLS 1.1 here). The control runs the
/// same client offering TLS 1.2 against the same gateway; the refusal is the server's because the client read the
/// server's protocol_version alert (see <see cref="OpensslClient"/>).
/// </summary>
public sealed class Tls11Tests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    [Fact]
    public async Task Control_the_same_client_offering_tls12_connects()
    {
        await using var gateway = await StartAsync();

        var result = await OpensslClient.ConnectAsync(gateway.BaseAddress, "-tls1_2");

        result.ExitCode.Should().Be(0, result.Output);
        result.Protocol.Should().Be("TLSv1.2", result.Output);
    }

    [Fact]
    public async Task A_tls11_client_is_refused_by_the_server_under_min_version_tls12()
    {
        await using var gateway = await StartAsync();

        var result = await OpensslClient.ConnectAsync(gateway.BaseAddress, "-tls1_1");

        result.ExitCode.Should().NotBe(0, result.Output);
        result.Protocol.Should().BeNull(result.Output);
        result.Output.Should().Contain("ssl3_read_bytes:tlsv1 alert protocol version", "the server answers the TLS 1.1 hello with a protocol_version alert");
    }

    private Task<TestGateway> StartAsync() =>
        TestGateway.StartAsync(
            TestGateway.Config(
                $$"""{"endpoint": "/e", "backend": [{"host": ["{{ClosedPort.Host()}}"], "url_pattern": "/"}]}""",
                certificates.Tls("\"min_version\": \"TLS12\"")),
            port: 0,
            clientHandler: CustomRootTrust.Handler(certificates.Authority.Certificate));
}

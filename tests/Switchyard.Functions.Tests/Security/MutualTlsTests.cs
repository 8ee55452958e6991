using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// <c>enable_mtls</c>: every connection must present a client certificate that chains to <c>ca_certs</c> (or the
/// system's authorities, or the server's own certificates); anything else fails the handshake and reaches no backend.
/// </summary>
public sealed class MutualTlsTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    [Fact]
    public async Task A_client_certificate_from_a_ca_in_ca_certs_gets_200()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, "\"disable_system_ca_pool\": true");
        using var client = Client(gateway, certificates.Client);

        using var answer = await client.GetAsync("e");

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task Without_a_client_certificate_the_handshake_fails()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend);
        using var client = Client(gateway, certificate: null);

        var call = () => client.GetAsync("e");

        await call.Should().ThrowAsync<HttpRequestException>();
        backend.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_certificate_from_another_ca_fails_the_handshake(bool disableSystemPool)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, disableSystemPool ? "\"disable_system_ca_pool\": true" : "");
        using var client = Client(gateway, certificates.StrangerClient);

        var call = () => client.GetAsync("e");

        await call.Should().ThrowAsync<HttpRequestException>();
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task The_health_endpoint_needs_a_client_certificate_too()
    {
        await using var gateway = await StartAsync(null);
        using var anonymous = Client(gateway, certificate: null);
        using var trusted = Client(gateway, certificates.Client);

        var call = () => anonymous.GetAsync("__health");
        using var answer = await trusted.GetAsync("__health");

        await call.Should().ThrowAsync<HttpRequestException>();
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private Task<TestGateway> StartAsync(TestBackend? backend, string keys = "")
    {
        var tls = certificates.Tls($"\"enable_mtls\": true, \"ca_certs\": [{CertificateFiles.Json(certificates.CaFile)}]" + (keys.Length > 0 ? ", " + keys : ""));
        return TestGateway.StartAsync(
            TestGateway.Config($$"""{"endpoint": "/e", "backend": [{"host": ["{{backend?.Host ?? ClosedPort.Host()}}"], "url_pattern": "/"}]}""", tls),
            port: 0);
    }

    /// <summary>A client that trusts the gateway's CA and always offers <paramref name="certificate"/>, whatever CAs the server names.</summary>
    private HttpClient Client(TestGateway gateway, X509Certificate2? certificate)
    {
        var handler = CustomRootTrust.Handler(certificates.Authority.Certificate);
        if (certificate is not null)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        return new HttpClient(handler) { BaseAddress = gateway.BaseAddress };
    }
}

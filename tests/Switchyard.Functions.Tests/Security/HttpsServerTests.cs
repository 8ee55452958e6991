using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>The gateway with an active <c>tls</c>: HTTPS only, with the configured certificate, versions and suites.</summary>
public sealed class HttpsServerTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    [Fact]
    public async Task Https_is_served_with_the_configured_certificate_over_http2_and_http11()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok": true}""");
        await using var gateway = await StartAsync(certificates.Tls(), backend.Host);

        using var http2 = new HttpRequestMessage(HttpMethod.Get, "/e") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var answer2 = await gateway.Client.SendAsync(http2);
        using var http11 = new HttpRequestMessage(HttpMethod.Get, "/e") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var answer11 = await gateway.Client.SendAsync(http11);

        gateway.BaseAddress.Scheme.Should().Be("https");
        answer2.StatusCode.Should().Be(HttpStatusCode.OK);
        answer2.Version.Should().Be(HttpVersion.Version20);
        (await answer2.Content.ReadAsStringAsync()).Should().Be("""{"ok":true}""");
        answer11.StatusCode.Should().Be(HttpStatusCode.OK);
        answer11.Version.Should().Be(HttpVersion.Version11);
        backend.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Plain_http_to_the_https_port_gets_no_http_answer_and_reaches_no_backend()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(certificates.Tls(), backend.Host);

        var raw = await SendPlainHttpAsync(gateway.BaseAddress, "GET /e HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        using var plain = new HttpClient();
        var call = () => plain.GetAsync(new UriBuilder(gateway.BaseAddress) { Scheme = "http" }.Uri + "e");

        raw.Should().NotStartWith("HTTP/", "the listener speaks TLS only");
        await call.Should().ThrowAsync<HttpRequestException>();
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_versions_only_tls13_is_accepted_as_in_krakend()
    {
        await using var gateway = await StartAsync(certificates.Tls());

        var tls12 = await TlsHandshake.RunAsync(gateway.BaseAddress, certificates.Authority.Certificate, SslProtocols.Tls12);
        var tls13 = await TlsHandshake.RunAsync(gateway.BaseAddress, certificates.Authority.Certificate, SslProtocols.Tls13);

        tls12.Succeeded.Should().BeFalse("TLS13 is KrakenD's default minimum");
        tls13.Succeeded.Should().BeTrue(tls13.Failure?.ToString());
        tls13.Protocol.Should().Be(SslProtocols.Tls13);
    }

    [Fact]
    public async Task Min_version_tls12_accepts_a_tls12_client_and_max_version_tls12_refuses_tls13()
    {
        await using var range = await StartAsync(certificates.Tls("\"min_version\": \"TLS12\""));
        await using var capped = await StartAsync(certificates.Tls("\"min_version\": \"TLS12\", \"max_version\": \"TLS12\""));

        var tls12 = await TlsHandshake.RunAsync(range.BaseAddress, certificates.Authority.Certificate, SslProtocols.Tls12);
        var tls13OnCapped = await TlsHandshake.RunAsync(capped.BaseAddress, certificates.Authority.Certificate, SslProtocols.Tls13);
        var anyOnCapped = await TlsHandshake.RunAsync(capped.BaseAddress, certificates.Authority.Certificate);

        tls12.Succeeded.Should().BeTrue(tls12.Failure?.ToString());
        tls12.Protocol.Should().Be(SslProtocols.Tls12);
        tls13OnCapped.Succeeded.Should().BeFalse();
        anyOnCapped.Protocol.Should().Be(SslProtocols.Tls12);
    }

    [Fact]
    public async Task Tls12_uses_only_the_configured_cipher_suites()
    {
        const TlsCipherSuite Allowed = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
        const TlsCipherSuite Other = TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        await using var gateway = await StartAsync(certificates.Tls($"\"min_version\": \"TLS12\", \"max_version\": \"TLS12\", \"cipher_suites\": [{(int)Allowed}]"));

        var allowed = await TlsHandshake.RunAsync(gateway.BaseAddress, certificates.Authority.Certificate, SslProtocols.Tls12, suites: [Allowed, Other]);
        var other = await TlsHandshake.RunAsync(gateway.BaseAddress, certificates.Authority.Certificate, SslProtocols.Tls12, suites: [Other]);

        allowed.CipherSuite.Should().Be(Allowed);
        other.Succeeded.Should().BeFalse("the server allows one suite and the client offers another");
    }

    [Fact]
    public async Task The_certificate_whose_names_match_the_sni_name_is_served_else_the_first()
    {
        using var other = certificates.Authority.IssueServerCertificate("api.switchyard.test");
        var (file, key) = certificates.Files.WriteKeyPair("api", other);
        await using var gateway = await StartAsync(certificates.Tls(
            $"\"public_key\": {CertificateFiles.Json(file)}, \"private_key\": {CertificateFiles.Json(key)}"));

        var api = await TlsHandshake.RunAsync(gateway.BaseAddress, certificates.Authority.Certificate, serverName: "api.switchyard.test");
        var unknown = await TlsHandshake.RunAsync(gateway.BaseAddress, certificates.Authority.Certificate, serverName: "unknown.test");

        api.ServerCertificateSubject.Should().Be("CN=api.switchyard.test", "the legacy public_key pair is appended to keys");
        unknown.ServerCertificateSubject.Should().Be("CN=127.0.0.1");
    }

    [Fact]
    public async Task Disabled_tls_serves_plain_http_as_krakend_does()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(certificates.Tls("\"disabled\": true"), backend.Host), port: 0);

        using var answer = await gateway.Client.GetAsync("/e");

        gateway.BaseAddress.Scheme.Should().Be("http");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A gateway with <paramref name="tls"/> and one endpoint <c>/e</c> on <paramref name="backendHost"/>; its client trusts the CA.</summary>
    private Task<TestGateway> StartAsync(string tls, string? backendHost = null) =>
        TestGateway.StartAsync(Config(tls, backendHost ?? ClosedPort.Host()), port: 0, clientHandler: CustomRootTrust.Handler(certificates.Authority.Certificate));

    private static string Config(string tls, string backendHost) =>
        TestGateway.Config($$"""{"endpoint": "/e", "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/"}]}""", tls);

    /// <summary>Sends <paramref name="request"/> as plain text and reads what comes back until the server closes.</summary>
    private static async Task<string> SendPlainHttpAsync(Uri address, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException)
        {
            // A reset is as good as a close: nothing HTTP came back.
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }
}

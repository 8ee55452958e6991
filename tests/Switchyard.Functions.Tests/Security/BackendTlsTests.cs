using System.Collections.Concurrent;
using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// <c>client_tls</c> and the root <c>allow_insecure_connections</c>: backends served over HTTPS with a certificate of a
/// private CA, some requiring a client certificate of that CA. A refused backend never answers, and the endpoint fails
/// (500) as it does for any backend that cannot be reached.
/// </summary>
public sealed class BackendTlsTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    [Fact]
    public async Task Without_ca_certs_a_backend_of_a_private_ca_is_refused()
    {
        await using var backend = await HttpsBackend.StartAsync(certificates);

        var status = await CallAsync(backend, rootKeys: "");

        status.Should().Be(HttpStatusCode.InternalServerError);
        backend.Answered.Should().BeEmpty();
    }

    [Fact]
    public async Task With_its_ca_in_ca_certs_the_backend_is_called()
    {
        await using var backend = await HttpsBackend.StartAsync(certificates);

        var status = await CallAsync(backend, ClientTls($"\"ca_certs\": [{CertificateFiles.Json(certificates.CaFile)}], \"disable_system_ca_pool\": true"));

        status.Should().Be(HttpStatusCode.OK);
        backend.Answered.Should().ContainSingle();
    }

    [Fact]
    public async Task Another_ca_in_ca_certs_does_not_make_the_backend_trusted()
    {
        await using var backend = await HttpsBackend.StartAsync(certificates);

        var status = await CallAsync(backend, ClientTls($"\"ca_certs\": [{CertificateFiles.Json(certificates.OtherCaFile)}]"));

        status.Should().Be(HttpStatusCode.InternalServerError);
        backend.Answered.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"client_tls\": {\"allow_insecure_connections\": true}")]
    [InlineData("\"allow_insecure_connections\": true")]
    public async Task Allow_insecure_connections_calls_an_unverified_backend(string rootKeys)
    {
        await using var backend = await HttpsBackend.StartAsync(certificates);

        var status = await CallAsync(backend, rootKeys);

        status.Should().Be(HttpStatusCode.OK);
        backend.Answered.Should().ContainSingle();
    }

    [Fact]
    public async Task Client_certs_are_presented_to_a_backend_that_requires_one()
    {
        await using var backend = await HttpsBackend.StartAsync(certificates, requireClientCertificate: true);
        var trust = $"\"ca_certs\": [{CertificateFiles.Json(certificates.CaFile)}]";
        var pair = $$"""{"certificate": {{CertificateFiles.Json(certificates.ClientFile)}}, "private_key": {{CertificateFiles.Json(certificates.ClientKeyFile)}}}""";

        var without = await CallAsync(backend, ClientTls(trust));
        var with = await CallAsync(backend, ClientTls($"{trust}, \"client_certs\": [{pair}]"));

        without.Should().Be(HttpStatusCode.InternalServerError);
        with.Should().Be(HttpStatusCode.OK);
        backend.Answered.Should().ContainSingle().Which.Should().Be("CN=trusted client");
    }

    [Fact]
    public async Task The_block_defaults_to_tls13_as_in_krakend_and_min_version_opens_tls12()
    {
        await using var backend = await HttpsBackend.StartAsync(certificates, protocols: SslProtocols.Tls12);
        var trust = $"\"ca_certs\": [{CertificateFiles.Json(certificates.CaFile)}]";

        var byDefault = await CallAsync(backend, ClientTls(trust));
        var tls12 = await CallAsync(backend, ClientTls($"{trust}, \"min_version\": \"TLS12\""));

        byDefault.Should().Be(HttpStatusCode.InternalServerError);
        tls12.Should().Be(HttpStatusCode.OK);
        backend.Answered.Should().ContainSingle();
    }

    private static string ClientTls(string keys) => $"\"client_tls\": {{{keys}}}";

    /// <summary>The status of <c>GET /e</c> on a gateway whose endpoint calls <paramref name="backend"/>.</summary>
    private static async Task<HttpStatusCode> CallAsync(HttpsBackend backend, string rootKeys)
    {
        var config = TestGateway.Config($$"""{"endpoint": "/e", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/"}]}""", rootKeys);
        await using var gateway = await TestGateway.StartAsync(config, port: 0);
        using var answer = await gateway.Client.GetAsync("/e");
        return answer.StatusCode;
    }

    /// <summary>A backend on HTTPS with the private CA's 127.0.0.1 certificate; records the client certificate of each answer.</summary>
    private sealed class HttpsBackend : IAsyncDisposable
    {
        private readonly LoopbackServer _server;

        private HttpsBackend(LoopbackServer server, ConcurrentQueue<string> answered)
        {
            _server = server;
            Answered = answered;
        }

        /// <summary>The subject of the client certificate of every request answered (empty without one).</summary>
        public ConcurrentQueue<string> Answered { get; }

        public string Host => _server.BaseAddress.GetLeftPart(UriPartial.Authority);

        public static async Task<HttpsBackend> StartAsync(
            TlsCertificates certificates, bool requireClientCertificate = false, SslProtocols protocols = SslProtocols.None)
        {
            var answered = new ConcurrentQueue<string>();
            var server = await LoopbackServer.StartHttpsAsync(
                context =>
                {
                    answered.Enqueue(context.Connection.ClientCertificate?.Subject ?? "");
                    return TestBackend.Json(context, """{"secure": true}""");
                },
                certificates.Authority.ServerCertificate,
                https =>
                {
                    https.SslProtocols = protocols;
                    if (requireClientCertificate)
                    {
                        var trust = CustomRootTrust.Callback(certificates.Authority.Certificate);
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (certificate, chain, errors) => trust(https, certificate, chain, errors);
                    }
                });
            return new HttpsBackend(server, answered);
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}

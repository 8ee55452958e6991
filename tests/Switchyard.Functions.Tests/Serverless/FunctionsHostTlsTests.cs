using System.Net;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Serverless;
using Switchyard.Functions.Tests.Security;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>
/// Under the Functions host the platform ends TLS: the handler serves plain HTTP on loopback whatever <c>tls</c> says (its
/// files are not even read), <c>client_tls</c> still verifies backends, and <c>enable_mtls</c>, which the platform cannot
/// verify, stops the gateway.
/// </summary>
public sealed class FunctionsHostTlsTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    private static readonly ServerlessOptions UnderHost = new() { UnderFunctionsHost = true };

    [Fact]
    public async Task Tls_does_not_apply_and_client_tls_still_does()
    {
        await using var backend = await LoopbackServer.StartHttpsAsync(
            context => TestBackend.Json(context, """{"secure": true}"""), certificates.Authority.ServerCertificate);
        var config = Load($$"""
            {"version": 3,
             "tls": {"keys": [{"public_key": "/nowhere/cert.pem", "private_key": "/nowhere/key.pem"}]},
             "client_tls": {"ca_certs": [{{CertificateFiles.Json(certificates.CaFile)}}]},
             "endpoints": [{"endpoint": "/e", "backend": [{"host": ["{{backend.BaseAddress.GetLeftPart(UriPartial.Authority)}}"], "url_pattern": "/"}]}]}
            """);
        var url = ListenAddress.Choose(config, port: null, functionsPort: "0");

        await using var app = GatewayApp.Create(config, url, serverless: UnderHost);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var answer = await client.GetAsync("/e");

        url.Should().Be("http://127.0.0.1:0");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).Should().Be("""{"secure":true}""");
    }

    [Fact]
    public void Mutual_tls_stops_the_gateway_under_the_host()
    {
        var config = Load($$"""
            {"version": 3, "tls": {"keys": {{certificates.ServerKeys}}, "enable_mtls": true} }
            """);

        var create = () => GatewayApp.Create(config, "http://127.0.0.1:0", serverless: UnderHost);

        create.Should().Throw<InvalidOperationException>().WithMessage("tls.enable_mtls: client certificates cannot be verified in a function app*");
        FunctionsHostTls.Refuse(new ConfigLoadResult { Config = config }).Errors.Should().ContainSingle()
            .Which.Path.Should().Be("tls.enable_mtls");
    }

    [Fact]
    public void Standalone_an_active_tls_never_listens_on_plain_http()
    {
        var config = Load($$"""{"version": 3, "tls": {"keys": {{certificates.ServerKeys}} } }""");

        var create = () => GatewayApp.Create(config, "http://127.0.0.1:0", serverless: ServerlessOptions.Standalone);

        create.Should().Throw<InvalidOperationException>().WithMessage("tls is active*");
    }

    private static ServiceConfig Load(string json)
    {
        var result = ConfigLoader.Parse(json);
        result.Errors.Should().BeEmpty();
        return result.Config!;
    }
}

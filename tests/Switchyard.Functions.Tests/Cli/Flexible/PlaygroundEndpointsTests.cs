using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli.Flexible;

/// <summary>
/// The playground's endpoints answer the same whether the gateway runs the template (rendered with a settings folder
/// whose only change is its host settings, pointing at loopback servers) or the same configuration written by hand.
/// </summary>
public sealed class PlaygroundEndpointsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-playground-").FullName;
    private readonly LoopbackCertificateAuthority _authority = LoopbackCertificateAuthority.Create();
    private readonly OidcSigningKey _key = OidcSigningKey.Create("playground-key", OidcKeyType.Rsa2048);
    private TestBackend _backend = null!;
    private LoopbackServer _jwks = null!;

    private string Settings => Path.Combine(_directory, "settings");

    private string JwkUrl => new Uri(_jwks.BaseAddress, "certs").ToString();

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync(context => TestBackend.Json(context, $$"""{"path": "{{context.Request.Path}}", "query": "{{context.Request.QueryString}}"}"""));
        var document = $$"""{"keys": [{{_key.PublicJwk().ToJsonString()}}]}""";
        _jwks = await LoopbackServer.StartHttpsAsync(context => TestBackend.Json(context, document), _authority.ServerCertificate);
        Playground.WriteSettings(Settings, _backend.Host, JwkUrl);
    }

    [Fact]
    public async Task The_rendered_template_and_the_hand_written_file_answer_alike_in_process()
    {
        var rendered = FlexibleConfigRenderer.Render(Playground.Template, Playground.Options(Settings), Environment.GetEnvironmentVariable);
        rendered.Errors.Should().BeEmpty();
        await using var templated = await TestGateway.StartSelfCallingAsync(rendered.Json!);
        await using var byHand = await TestGateway.StartSelfCallingAsync(Playground.ByHand(_backend.Host, JwkUrl));

        foreach (var request in new Func<HttpRequestMessage>[]
        {
            () => new(HttpMethod.Get, "a"),
            () => new(HttpMethod.Get, "b"),
            () => new(HttpMethod.Get, "c"),
            () => new(HttpMethod.Get, "d"),
            () => new(HttpMethod.Get, "admin/users"),
            () => new(HttpMethod.Post, "admin/devices"),
            () => Preflight("admin/users"),
        })
        {
            var expected = await Answer.OfAsync(byHand.Client, request());
            var actual = await Answer.OfAsync(templated.Client, request());
            actual.Should().Be(expected, $"{request().Method} {request().RequestUri} answers as the hand-written configuration does");
        }

        // The playground starts KrakenD with -d (the /__debug/ endpoint); neither file turns it on, so both answer 500.
        (await Answer.OfAsync(templated.Client, new(HttpMethod.Get, "a"))).Status.Should().Be(500);
        (await Answer.OfAsync(templated.Client, new(HttpMethod.Get, "admin/users"))).Status.Should().Be(401, "the template's auth/validator protects it");
        (await Answer.OfAsync(templated.Client, Preflight("admin/users"))).Headers.Should().Contain("Access-Control-Allow-Origin=*");
    }

    [Fact]
    public async Task Run_with_fc_variables_serves_the_template_as_the_hand_written_file_is_served()
    {
        var caFile = Path.Combine(_directory, "ca.pem");
        await File.WriteAllTextAsync(caFile, _authority.CertificatePem());
        var byHandFile = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(byHandFile, Playground.ByHand(_backend.Host, JwkUrl));
        // The JWK URL is https:// as the playground's; the gateway trusts the test authority as its system store.
        var trust = new Dictionary<string, string> { ["SSL_CERT_FILE"] = caFile, ["SSL_CERT_DIR"] = _directory };
        var flexible = new Dictionary<string, string>(trust)
        {
            ["FC_ENABLE"] = "1", ["FC_SETTINGS"] = Settings, ["FC_PARTIALS"] = Playground.Partials, ["FC_TEMPLATES"] = Playground.Templates,
        };
        var token = TestTokens.Sign(TestTokens.Claims("issuer", "audience", DateTimeOffset.UtcNow), new RsaSecurityKey(_key.Rsa!) { KeyId = _key.KeyId }, "RS256");

        await using var templated = await GatewayProcess.StartAsync(Playground.Template, flexible);
        await using var byHand = await GatewayProcess.StartAsync(byHandFile, trust);

        foreach (var request in new Func<HttpRequestMessage>[]
        {
            () => WithToken(new(HttpMethod.Get, "admin/users?dropped=1"), token),
            () => WithToken(new(HttpMethod.Get, "admin/devices?kept=1"), token),
            () => new(HttpMethod.Get, "admin/devices"),
            () => WithToken(new(HttpMethod.Get, "admin/devices"), "not.a.token"),
        })
        {
            var expected = await Answer.OfAsync(byHand.Client, request());
            var actual = await Answer.OfAsync(templated.Client, request());
            actual.Should().Be(expected, $"{request().RequestUri} answers as the hand-written configuration does; the gateway said:\n{templated.Output}");
        }

        var answer = await Answer.OfAsync(templated.Client, WithToken(new(HttpMethod.Get, "admin/devices?kept=1"), token));
        (answer.Status, answer.Body).Should().Be((200, """{"path":"/devices","query":"?kept=1"}"""), "a valid token reaches the case backend the settings name");
    }

    private static HttpRequestMessage Preflight(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "http://foo.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return request;
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async Task DisposeAsync()
    {
        await _jwks.DisposeAsync();
        await _backend.DisposeAsync();
        _key.Dispose();
        _authority.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>What a client sees of an answer: status, content type, body, and the CORS and completion headers.</summary>
    private sealed record Answer(int Status, string? ContentType, string Body, string Headers)
    {
        private static readonly string[] Compared =
            ["X-KrakenD-Completed", "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Vary", "Access-Control-Max-Age"];

        public static async Task<Answer> OfAsync(HttpClient client, HttpRequestMessage request)
        {
            using (request)
            using (var response = await client.SendAsync(request))
            {
                var headers = string.Join("; ", Compared.Select(name =>
                    $"{name}={(response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "")}"));
                return new Answer(
                    (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(), headers);
            }
        }
    }
}

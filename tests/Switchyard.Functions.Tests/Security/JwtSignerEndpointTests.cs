using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// Login endpoints with <c>auth/signer</c>: the backend's claims come back signed (compact or full), a validating
/// endpoint accepts the signed token, and without its key (a kid the set lacks, a JWKS that is down) the endpoint
/// answers 401 without calling anything; a failed backend gives 400.
/// </summary>
public sealed class JwtSignerEndpointTests : IAsyncLifetime
{
    private readonly OidcSigningKey _loginKey = OidcSigningKey.Create("login-1", OidcKeyType.Rsa2048);
    private readonly List<string> _files = [];
    private JwksServer _symmetric = null!;
    private JwksServer _down = null!;
    private TestBackend _backend = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _symmetric = await JwksServer.StartAsync(JsonNode.Parse(
            """{"kty": "oct", "alg": "HS256", "k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kid": "sim2"}""")!.AsObject());
        _down = await JwksServer.StartAsync(_loginKey.PrivateJwk());
        _down.IsDown = true;
        _backend = await TestBackend.StartAsync(context => context.Request.Path.StartsWithSegments("/fail")
            ? TestBackend.Json(context, "{}", 500)
            : TestBackend.Json(context, """{"access_token": {"sub": "u-1", "roles": ["admin"], "exp": 4102444800}, "refresh_token": "opaque", "user": {"name": "Ann"}}"""));

        var privateKeys = KeySetFile(_loginKey.PrivateJwk());
        var publicKeys = KeySetFile(_loginKey.PublicJwk());
        string Signer(string keys) =>
            "{\"auth/signer\": {\"alg\": \"RS256\", \"kid\": \"login-1\", \"keys_to_sign\": [\"access_token\", \"refresh_token\"], " + keys + "} }";
        _gateway = await TestGateway.StartAsync(TestGateway.Config(
            $$"""
            {"endpoint": "/login", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/login"}],
             "extra_config": {{Signer($"\"jwk_local_path\": \"{privateKeys}\"")}} },
            {"endpoint": "/login-full", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/login"}],
             "extra_config": {"auth/signer": {"alg": "HS256", "kid": "sim2", "keys_to_sign": ["access_token"], "full": true,
                                              "jwk_url": "{{_symmetric.Url}}", "disable_jwk_security": true} } },
            {"endpoint": "/missing-kid", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/login"}],
             "extra_config": {"auth/signer": {"alg": "HS256", "kid": "nope", "keys_to_sign": ["access_token"],
                                              "jwk_url": "{{_symmetric.Url}}", "disable_jwk_security": true} } },
            {"endpoint": "/down", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/login"}],
             "extra_config": {{Signer($"\"jwk_url\": \"{_down.Url}\", \"disable_jwk_security\": true")}} },
            {"endpoint": "/failing", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/fail"}],
             "extra_config": {{Signer($"\"jwk_local_path\": \"{privateKeys}\"")}} },
            {"endpoint": "/protected", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/protected/{JWT.sub}"}],
             "extra_config": {"auth/validator": {"alg": "RS256", "jwk_local_path": "{{publicKeys}}", "roles": ["admin"]} } }
            """,
            rootKeys: "\"cache_ttl\": \"300s\""));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        await _symmetric.DisposeAsync();
        await _down.DisposeAsync();
        _loginKey.Dispose();
        _files.ForEach(File.Delete);
    }

    [Fact]
    public async Task A_login_answer_has_its_claims_signed_and_the_validating_endpoint_accepts_the_token()
    {
        var answer = await _gateway.GetWithTokenAsync("/login", token: null);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        answer.ContentType.Should().Be("application/json; charset=utf-8");
        answer.Completed.Should().BeNull();
        answer.Response.Headers.CacheControl.Should().BeNull("the signer's answer is never cached, whatever cache_ttl says");
        var body = JsonNode.Parse(answer.Body)!;
        body["refresh_token"]!.GetValue<string>().Should().Be("opaque", "a listed member that holds no object is left as it is");
        body["user"]!["name"]!.GetValue<string>().Should().Be("Ann");
        var token = body["access_token"]!.GetValue<string>();
        token.Split('.').Should().HaveCount(3);

        var protectedAnswer = await _gateway.GetWithTokenAsync("/protected", token);
        protectedAnswer.Status.Should().Be(HttpStatusCode.OK, protectedAnswer.Body);
        _backend.Received.Should().Contain(request => request.Target == "/protected/u-1");
    }

    [Fact]
    public async Task Full_serialization_gives_the_flattened_jws_as_a_string()
    {
        var answer = await _gateway.GetWithTokenAsync("/login-full", token: null);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        var jws = JsonNode.Parse(JsonNode.Parse(answer.Body)!["access_token"]!.GetValue<string>())!.AsObject();
        jws.Select(member => member.Key).Should().Equal("payload", "protected", "signature");
        TestTokens.Decode(jws["protected"]!.GetValue<string>())["kid"]!.GetValue<string>().Should().Be("sim2");
    }

    [Theory]
    [InlineData("/missing-kid")]
    [InlineData("/down")]
    public async Task Without_its_signing_key_the_endpoint_answers_401_and_calls_nothing(string endpoint)
    {
        var before = _backend.Received.Count;

        (await _gateway.GetWithTokenAsync(endpoint, token: null)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
        (await _gateway.GetWithTokenAsync(endpoint, token: null)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);

        _backend.Received.Count.Should().Be(before);
    }

    [Fact]
    public async Task A_failed_backend_gives_400_with_status_only()
    {
        (await _gateway.GetWithTokenAsync("/failing", token: null)).ShouldBeStatusOnly(HttpStatusCode.BadRequest);
    }

    private string KeySetFile(JsonObject jwk)
    {
        var path = Path.GetTempFileName();
        _files.Add(path);
        File.WriteAllText(path, new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString());
        return path;
    }
}

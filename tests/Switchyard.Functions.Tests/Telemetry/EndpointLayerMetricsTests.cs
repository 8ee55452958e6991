using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Telemetry;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// The metrics of an endpoint's HTTP layers through the real gateway: <c>switchyard.ratelimit.rejections</c> of
/// <c>qos/ratelimit/router</c> and <c>switchyard.jwt.rejections</c> of <c>auth/validator</c>, labelled by the
/// endpoint's route and never by the client's key or token.
/// </summary>
public sealed class EndpointLayerMetricsTests
{
    private const string Issuer = "https://issuer";
    private const string Audience = "api";

    private readonly string _unique = "e" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task The_router_limit_counts_a_client_rejection_and_an_endpoint_rejection_by_scope()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/{{_unique}}/{id}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}],
             "extra_config": {"qos/ratelimit/router": {"max_rate": 2, "client_max_rate": 1, "client_capacity": 1, "strategy": "header", "key": "X-Key"} } }
            """), new ManualTimeProvider(DateTimeOffset.UtcNow));

        (await SendAsync(gateway, "client-key-a")).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "client-key-a")).Should().Be(HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "client-key-b")).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "client-key-c")).Should().Be(HttpStatusCode.ServiceUnavailable);

        var rejections = metrics.Of("switchyard.ratelimit.rejections", ("http.route", $"/{_unique}/:id"));
        rejections.Should().HaveCount(2).And.OnlyContain(m => m.Value == 1 && m.Unit == "{request}"
            && m["switchyard.ratelimit.layer"] == "router" && m["http.request.method"] == "GET");
        rejections.Select(m => m["switchyard.ratelimit.scope"]).Should().Equal("client", "global");
        rejections.SelectMany(m => m.Tags.Values).Should().NotContain(value => value.StartsWith("client-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_refused_for_different_reasons_are_counted_by_reason_and_status()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var secret = new byte[32];
        Random.Shared.NextBytes(secret);
        var key = new SymmetricSecurityKey(secret) { KeyId = "hs" };
        await using var jwks = await JwksServer.StartAsync(new JsonObject { ["kty"] = "oct", ["kid"] = "hs", ["k"] = Base64Url.EncodeToString(secret) });
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/{{_unique}}", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}],
             "extra_config": {"auth/validator": {"alg": "HS256", "jwk_url": "{{jwks.Url}}", "disable_jwk_security": true,
               "issuer": "{{Issuer}}", "audience": ["{{Audience}}"], "roles": ["admin"]} } }
            """));
        var now = DateTimeOffset.UtcNow;
        var expired = TestTokens.Sign(TestTokens.Claims(Issuer, Audience, now.AddHours(-2)), key, "HS256");
        var noRole = TestTokens.Sign(TestTokens.Claims(Issuer, Audience, now), key, "HS256");
        var admin = TestTokens.Sign(TestTokens.Claims(Issuer, Audience, now, new JsonObject { ["roles"] = new JsonArray("admin") }), key, "HS256");

        (await SendAsync(gateway, bearer: null, HttpMethod.Post)).Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(gateway, expired, HttpMethod.Post)).Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(gateway, noRole, HttpMethod.Post)).Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(gateway, admin, HttpMethod.Post)).Should().Be(HttpStatusCode.OK);

        var rejections = metrics.Of("switchyard.jwt.rejections", ("http.route", $"/{_unique}"));
        rejections.Should().OnlyContain(m => m.Value == 1 && m.Unit == "{request}" && m["http.request.method"] == "POST");
        rejections.Select(m => (m["switchyard.jwt.reason"], m["http.response.status_code"]))
            .Should().Equal(("missing_token", "401"), ("expired", "401"), ("roles", "403"));
        rejections.SelectMany(m => m.Tags.Values).Should().NotContain(value => value.Contains(expired) || value.Contains(noRole));
    }

    private async Task<HttpStatusCode> SendAsync(TestGateway gateway, string clientKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{_unique}/1");
        request.Headers.Add("X-Key", clientKey);
        using var response = await gateway.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> SendAsync(TestGateway gateway, string? bearer, HttpMethod method)
    {
        using var request = new HttpRequestMessage(method, $"/{_unique}");
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        using var response = await gateway.Client.SendAsync(request);
        return response.StatusCode;
    }
}

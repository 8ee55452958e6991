using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary><c>qos/ratelimit/router</c> through the real gateway, on a manual clock.</summary>
public sealed class RouterRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task The_endpoint_limit_answers_an_empty_503_once_its_capacity_is_spent_then_the_rate()
    {
        await using var limited = await LimitedGateway.StartAsync("""{"max_rate": 2}""");
        var (clock, backend, gateway) = (limited.Clock, limited.Backend, limited.Gateway);

        (await StatusesAsync(gateway, 3)).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        (await StatusesAsync(gateway, 2)).Should().Equal(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);

        var refused = await gateway.GetAnswerAsync("/items");
        AssertStatusOnly(refused, HttpStatusCode.ServiceUnavailable);
        backend.Received.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_client_limit_by_header_answers_an_empty_429_per_client_and_to_a_request_without_the_header()
    {
        await using var limited = await LimitedGateway.StartAsync("""{"client_max_rate": 1, "client_capacity": 1, "strategy": "header", "key": "X-Key"}""");
        var (clock, backend, gateway) = (limited.Clock, limited.Backend, limited.Gateway);

        (await SendAsync(gateway, "X-Key", "a")).Status.Should().Be(HttpStatusCode.OK);
        AssertStatusOnly(await SendAsync(gateway, "X-Key", "a"), HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "X-Key", "b")).Status.Should().Be(HttpStatusCode.OK);
        AssertStatusOnly(await SendAsync(gateway, null, null), HttpStatusCode.TooManyRequests);

        clock.Advance(TimeSpan.FromSeconds(1));
        (await SendAsync(gateway, "X-Key", "a")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Key", "a")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        backend.Received.Should().HaveCount(3);
    }

    [Fact]
    public async Task The_client_limit_comes_first_and_the_endpoint_limit_counts_only_what_it_let_through()
    {
        await using var limited = await LimitedGateway.StartAsync("""{"max_rate": 2, "client_max_rate": 1, "client_capacity": 1, "strategy": "HEADER", "key": "X-Key"}""");
        var (clock, backend, gateway) = (limited.Clock, limited.Backend, limited.Gateway);

        (await SendAsync(gateway, "X-Key", "a")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Key", "a")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "X-Key", "b")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Key", "c")).Status.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_ip_strategy_reads_the_client_address_a_trusted_proxy_forwarded()
    {
        await using var limited = await LimitedGateway.StartAsync("""{"client_max_rate": 1, "client_capacity": 1, "strategy": "ip"}""", """ "trusted_proxies": ["127.0.0.1"] """);
        var (clock, backend, gateway) = (limited.Clock, limited.Backend, limited.Gateway);

        (await SendAsync(gateway, "X-Forwarded-For", "203.0.113.7")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Forwarded-For", "203.0.113.7")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "X-Forwarded-For", "203.0.113.8")).Status.Should().Be(HttpStatusCode.OK);

        // The proxy appended the address it saw: a client-written address on the left does not make a new client.
        (await SendAsync(gateway, "X-Forwarded-For", "198.51.100.1, 203.0.113.7")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        backend.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Addresses_from_a_connection_that_is_not_a_trusted_proxy_are_not_believed()
    {
        await using var limited = await LimitedGateway.StartAsync(
            """{"client_max_rate": 1, "client_capacity": 1, "strategy": "ip", "key": "X-Real-IP"}""", """ "trusted_proxies": ["10.0.0.1"] """);
        var gateway = limited.Gateway;

        (await SendAsync(gateway, "X-Real-IP", "203.0.113.7")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Forwarded-For", "203.0.113.8")).Status.Should().Be(HttpStatusCode.TooManyRequests, "the client is 127.0.0.1");
        (await SendAsync(gateway, "X-Real-IP", "203.0.113.9")).Status.Should().Be(HttpStatusCode.TooManyRequests, "the client is 127.0.0.1");
    }

    [Fact]
    public async Task The_ip_strategy_with_a_key_reads_that_header_from_a_trusted_proxy()
    {
        await using var limited = await LimitedGateway.StartAsync("""{"client_max_rate": 1, "client_capacity": 1, "strategy": "ip", "key": "X-Client-Address"}""");
        var gateway = limited.Gateway;

        (await SendAsync(gateway, "X-Client-Address", "203.0.113.7:5123, 10.0.0.1")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Client-Address", "203.0.113.7")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "X-Client-Address", "[2001:db8::1]:443")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "X-Client-Address", "2001:db8::1")).Status.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_param_strategy_limits_each_value_of_the_endpoint_parameter()
    {
        var clock = new ManualTimeProvider(Start);
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/users/{user}/{rest}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/u"}],
             "extra_config": {"qos/ratelimit/router": {"client_max_rate": 1, "client_capacity": 1, "strategy": "param", "key": "user"} } }
            """), clock);

        (await gateway.GetAnswerAsync("/users/a/1")).Status.Should().Be(HttpStatusCode.OK);
        (await gateway.GetAnswerAsync("/users/a/2")).Status.Should().Be(HttpStatusCode.TooManyRequests);
        (await gateway.GetAnswerAsync("/users/b/1")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_the_jwt_validator_refuses_takes_no_token()
    {
        await using var limited = await JwtLimitedGateway.StartAsync("""{"max_rate": 1, "capacity": 1}""");
        var (backend, gateway) = (limited.Backend, limited.Gateway);

        for (var i = 0; i < 3; i++)
        {
            (await SendAsync(gateway, "Authorization", "Bearer not.a.token")).Status.Should().Be(HttpStatusCode.Unauthorized);
            (await SendAsync(gateway, null, null)).Status.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await SendAsync(gateway, "Authorization", limited.Bearer())).Status.Should().Be(HttpStatusCode.OK, "the refused requests took no token");
        (await SendAsync(gateway, "Authorization", limited.Bearer())).Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        backend.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task The_jwt_strategy_limits_each_value_of_a_claim_of_the_validated_token()
    {
        await using var limited = await JwtLimitedGateway.StartAsync("""{"client_max_rate": 1, "client_capacity": 1, "strategy": "jwt", "key": "tenant.id"}""");
        var (clock, backend, gateway) = (limited.Clock, limited.Backend, limited.Gateway);
        string TenantToken(string tenant) => limited.Bearer(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } });

        (await SendAsync(gateway, "Authorization", TenantToken("acme"))).Status.Should().Be(HttpStatusCode.OK);
        AssertStatusOnly(await SendAsync(gateway, "Authorization", TenantToken("acme")), HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "Authorization", TenantToken("globex"))).Status.Should().Be(HttpStatusCode.OK, "another tenant, another bucket");
        AssertStatusOnly(await SendAsync(gateway, "Authorization", limited.Bearer()), HttpStatusCode.TooManyRequests);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await SendAsync(gateway, "Authorization", TenantToken("acme"))).Status.Should().Be(HttpStatusCode.OK);
        backend.Received.Should().HaveCount(3);
    }

    private static void AssertStatusOnly(GatewayAnswer answer, HttpStatusCode status)
    {
        answer.Status.Should().Be(status);
        answer.Body.Should().BeEmpty();
        answer.Response.Content.Headers.ContentLength.Should().Be(0);
        answer.ContentType.Should().BeNull();
        answer.Completed.Should().BeNull();
        answer.Response.Headers.CacheControl.Should().BeNull();
    }

    private static async Task<HttpStatusCode[]> StatusesAsync(TestGateway gateway, int count)
    {
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            statuses[i] = (await gateway.GetAnswerAsync("/items")).Status;
        }

        return statuses;
    }

    private static async Task<GatewayAnswer> SendAsync(TestGateway gateway, string? header, string? value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));
    }

    // An endpoint /items with the given qos/ratelimit/router, its backend, on a manual clock.
    private sealed class LimitedGateway : IAsyncDisposable
    {
        public required ManualTimeProvider Clock { get; init; }

        public required TestBackend Backend { get; init; }

        public required TestGateway Gateway { get; init; }

        public static async Task<LimitedGateway> StartAsync(string limit, string router = "")
        {
            var clock = new ManualTimeProvider(Start);
            var backend = await TestBackend.StartAsync();
            var config = TestGateway.Config(
                $$"""
                {"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}],
                 "extra_config": {"qos/ratelimit/router": {{limit}} } }
                """,
                router.Length == 0 ? "" : $$""" "extra_config": {"router": { {{router}} } } """);
            return new LimitedGateway { Clock = clock, Backend = backend, Gateway = await TestGateway.StartAsync(config, clock) };
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Backend.DisposeAsync();
        }
    }

    // An endpoint /items behind auth/validator (HS256, keys from a loopback JWKS) with the given qos/ratelimit/router.
    private sealed class JwtLimitedGateway : IAsyncDisposable
    {
        private const string Issuer = "https://issuer";
        private const string Audience = "api";

        public required ManualTimeProvider Clock { get; init; }

        public required SymmetricSecurityKey Key { get; init; }

        public required JwksServer Jwks { get; init; }

        public required TestBackend Backend { get; init; }

        public required TestGateway Gateway { get; init; }

        public static async Task<JwtLimitedGateway> StartAsync(string limit)
        {
            var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            var secret = new byte[32];
            Random.Shared.NextBytes(secret);
            var jwks = await JwksServer.StartAsync(new JsonObject { ["kty"] = "oct", ["kid"] = "hs", ["k"] = Base64Url.EncodeToString(secret) });
            var backend = await TestBackend.StartAsync();
            var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
                {"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}],
                 "extra_config": {
                   "auth/validator": {"alg": "HS256", "jwk_url": "{{jwks.Url}}", "disable_jwk_security": true, "issuer": "{{Issuer}}", "audience": ["{{Audience}}"]},
                   "qos/ratelimit/router": {{limit}} } }
                """), clock);
            return new JwtLimitedGateway { Clock = clock, Key = new SymmetricSecurityKey(secret) { KeyId = "hs" }, Jwks = jwks, Backend = backend, Gateway = gateway };
        }

        /// <summary>An <c>Authorization</c> value with a valid token, carrying <paramref name="claims"/> too.</summary>
        public string Bearer(JsonObject? claims = null) =>
            "Bearer " + TestTokens.Sign(TestTokens.Claims(Issuer, Audience, Clock.GetUtcNow(), claims), Key, "HS256");

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Backend.DisposeAsync();
            await Jwks.DisposeAsync();
        }
    }
}

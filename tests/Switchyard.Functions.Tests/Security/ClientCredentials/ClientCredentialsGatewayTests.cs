using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchyard.Functions.Tests.Security.ClientCredentials;

/// <summary>
/// <c>auth/client-credentials</c> through the running gateway against a real OAuth 2.0 authorization server
/// (oidc-provider): the token is fetched once, renewed before it expires by one request, reaches the backend, and a
/// token endpoint that refuses fails the endpoint without calling the backend or logging the secret.
/// </summary>
public sealed class ClientCredentialsGatewayTests(ClientCredentialsGatewayFixture fixture) : IClassFixture<ClientCredentialsGatewayFixture>
{
    [Fact]
    public async Task Many_requests_use_one_token_which_reaches_the_backend_in_place_of_the_clients_authorization()
    {
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "many");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer the-clients-own-token");
            using var response = await fixture.Gateway.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var call = fixture.Relay.At("many").Should().ContainSingle().Subject;
        (call.Basic, call.Status).Should().Be((true, 200), "HTTP Basic is tried first and this client accepts it");
        call.Form.Should().Contain("grant_type=client_credentials").And.Contain("scope=inventory%3Aread+inventory%3Awrite");
        call.Form.Should().NotContain("client_secret", "with Basic the secret is not in the body");

        var authorizations = fixture.ReceivedAt("/many").Select(request => request.Headers.Authorization.ToString()).ToArray();
        authorizations.Should().HaveCount(10).And.OnlyContain(value => value == authorizations[0]);
        var claims = await ValidatedClaims(authorizations[0]);
        claims["client_id"].Should().Be(ClientCredentialsGatewayFixture.Inventory.ClientId);
        claims["scope"].Should().Be("inventory:read inventory:write");
    }

    [Fact]
    public async Task The_token_is_renewed_ten_seconds_before_it_expires()
    {
        (await fixture.Gateway.Client.GetAsync("expiry")).StatusCode.Should().Be(HttpStatusCode.OK);

        fixture.Clock.Advance(TimeSpan.FromSeconds(49));
        (await fixture.Gateway.Client.GetAsync("expiry")).StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Relay.At("expiry").Should().HaveCount(1, "the 60 s token has 11 s left");

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        (await fixture.Gateway.Client.GetAsync("expiry")).StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Relay.At("expiry").Should().HaveCount(2, "9 s left is within the 10 s margin");

        var tokens = fixture.ReceivedAt("/expiry").Select(request => request.Headers.Authorization.ToString()).ToArray();
        tokens.Should().HaveCount(3);
        tokens[1].Should().Be(tokens[0]);
        tokens[2].Should().NotBe(tokens[0]);
        await ValidatedClaims(tokens[2]);
    }

    [Fact]
    public async Task Concurrent_first_requests_wait_for_one_token_request()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => fixture.Gateway.Client.GetAsync("burst"))));

        answers.Should().OnlyContain(answer => answer.StatusCode == HttpStatusCode.OK);
        fixture.Relay.At("burst").Should().ContainSingle();
        fixture.ReceivedAt("/burst").Select(request => request.Headers.Authorization.ToString()).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task A_server_that_refuses_basic_gets_the_secret_in_the_body_and_that_style_is_kept()
    {
        (await fixture.Gateway.Client.GetAsync("body-style")).StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Clock.Advance(TimeSpan.FromSeconds(51));
        (await fixture.Gateway.Client.GetAsync("body-style")).StatusCode.Should().Be(HttpStatusCode.OK);

        var calls = fixture.Relay.At("post-only/body-style");
        calls.Select(call => (call.Basic, call.Status)).Should().Equal((true, 401), (false, 200), (false, 200));
        calls[1].Form.Should().Contain("client_id=ledger-job").And.Contain("client_secret=");
        (await ValidatedClaims(fixture.ReceivedAt("/body-style")[^1].Headers.Authorization.ToString()))["client_id"]
            .Should().Be(ClientCredentialsGatewayFixture.Ledger.ClientId);
    }

    [Fact]
    public async Task A_refusing_token_endpoint_fails_the_endpoint_without_calling_the_backend_or_logging_the_secret()
    {
        var response = await fixture.Gateway.Client.GetAsync("broken");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        var tokenUrl = fixture.Relay.Url("broken");
        (await response.Content.ReadAsStringAsync()).Should().Be($"auth/client-credentials: no token from {tokenUrl}: status 401 (invalid_client)");
        fixture.ReceivedAt("/broken").Should().BeEmpty();
        fixture.Relay.At("broken").Should().HaveCount(2, "Basic, then the body once");

        var entries = fixture.Logs.Entries;
        entries.Where(entry => entry.Level == LogLevel.Error && entry.Message.Contains(tokenUrl, StringComparison.Ordinal))
            .Should().ContainSingle("one line per failed token request, however many requests waited for it")
            .Which.Message.Should().Contain("status 401");
        entries.Should().NotContain(entry => entry.Message.Contains(ClientCredentialsGatewayFixture.WrongSecret, StringComparison.Ordinal));
        entries.Should().NotContain(entry => entry.Message.Contains(ClientCredentialsGatewayFixture.Inventory.ClientSecret, StringComparison.Ordinal));
        entries.Should().NotContain(entry => entry.Message.Contains("eyJ", StringComparison.Ordinal), "no token is logged either");
    }

    [Fact]
    public async Task Concurrent_requests_share_one_failed_renewal_and_its_one_log_line()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => fixture.Gateway.Client.GetAsync("broken-burst"))));

        answers.Should().OnlyContain(answer => answer.StatusCode == HttpStatusCode.InternalServerError);
        fixture.Relay.At("slow-refusal/broken-burst").Should().HaveCount(2, "one renewal (Basic, then the body) for the ten requests that waited for it");
        fixture.Logs.Entries.Where(entry => entry.Level == LogLevel.Error && entry.Message.Contains("slow-refusal/broken-burst", StringComparison.Ordinal))
            .Should().ContainSingle();
        fixture.ReceivedAt("/broken-burst").Should().BeEmpty();
    }

    [Fact]
    public async Task The_token_request_goes_through_the_shared_pool_where_client_tls_trusts_the_servers_ca()
    {
        (await fixture.Gateway.Client.GetAsync("direct")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ValidatedClaims(fixture.ReceivedAt("/direct").Single().Headers.Authorization.ToString()))["client_id"]
            .Should().Be(ClientCredentialsGatewayFixture.Inventory.ClientId);
    }

    private Task<IDictionary<string, object>> ValidatedClaims(string authorization) => BearerTokenCheck.ClaimsAsync(fixture.Provider, authorization);
}

using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// Access tokens of a real OpenID Connect provider (client credentials grant), validated by the gateway through the
/// provider's HTTPS JWKS URL: claims reach the backend through <c>propagate_claims</c> and <c>{JWT.claim}</c>, and
/// roles and scopes decide 403.
/// </summary>
public sealed class JwtProviderTokenTests(JwtGatewayFixture fixture) : IClassFixture<JwtGatewayFixture>
{
    private static readonly OidcClient Orders = OidcProviderFixture.Orders;
    private static readonly OidcClient Reports = OidcProviderFixture.Reports;

    private Task<string> OrdersToken() => fixture.Provider.GetAccessTokenAsync(Orders.ClientId, Orders.ClientSecret);

    private ReceivedRequest? LastAt(string pathPrefix) =>
        fixture.Backend.Received.LastOrDefault(request => request.Target.StartsWith(pathPrefix, StringComparison.Ordinal));

    [Fact]
    public async Task A_provider_token_reaches_the_backend_with_its_claims_in_the_url_and_the_propagated_headers()
    {
        var answer = await fixture.Gateway.GetWithTokenAsync("/orders/o-1", await OrdersToken(), ("X-User", "someone-else"));

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        answer.Body.Should().Be("""{"ok":true}""");
        var received = LastAt("/users/")!;
        received.Target.Should().Be("/users/orders-service/orders/o-1?tenant=42", "{JWT.sub} and the nested {JWT.tenant.id} fill the url_pattern");
        received.Headers["X-User"].ToString().Should().Be("orders-service", "a propagated claim replaces the client's header");
        received.Headers["X-Tenant"].ToString().Should().Be("acme");
        received.Headers["X-Roles"].ToString().Should().Be("admin,auditor");
        received.Headers["X-Level"].ToString().Should().Be("3.500000");
        received.Headers.ContainsKey("Authorization").Should().BeFalse("the token is not forwarded unless input_headers says so");
    }

    [Fact]
    public async Task An_es256_token_of_another_client_passes_its_own_endpoint_and_its_scope_check()
    {
        var token = await fixture.Provider.GetAccessTokenAsync(Reports.ClientId, Reports.ClientSecret, "reports:read");

        var answer = await fixture.Gateway.GetWithTokenAsync("/reports", token);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        LastAt("/reports/")!.Target.Should().Be("/reports/reports-job");
    }

    [Fact]
    public async Task A_token_signed_with_another_algorithm_than_the_endpoints_is_refused()
    {
        var token = await fixture.Provider.GetAccessTokenAsync(Reports.ClientId, Reports.ClientSecret, "reports:read");

        (await fixture.Gateway.GetWithTokenAsync("/orders/es", token)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/admin", "a role")]
    [InlineData("/delete", "every scope")]
    public async Task A_token_without_what_the_endpoint_requires_is_forbidden_and_reaches_no_backend(string endpoint, string missing)
    {
        var before = fixture.Backend.Received.Count;

        (await fixture.Gateway.GetWithTokenAsync(endpoint, await OrdersToken())).ShouldBeStatusOnly(HttpStatusCode.Forbidden);

        fixture.Backend.Received.Count.Should().Be(before, "the token lacks {0}", missing);
    }

    [Fact]
    public async Task A_token_granted_fewer_scopes_is_forbidden_where_they_are_required()
    {
        var token = await fixture.Provider.GetAccessTokenAsync(Orders.ClientId, Orders.ClientSecret, "orders:write");

        (await fixture.Gateway.GetWithTokenAsync("/orders/o-2", token)).ShouldBeStatusOnly(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_jwks_server_may_be_pinned_by_its_cas_public_key()
    {
        (await fixture.Gateway.GetWithTokenAsync("/pinned", await OrdersToken())).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_jwks_server_whose_chain_has_no_pinned_key_gives_no_keys()
    {
        (await fixture.Gateway.GetWithTokenAsync("/wrong-pin", await OrdersToken())).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_jwks_server_the_gateway_does_not_trust_gives_no_keys()
    {
        (await fixture.Gateway.GetWithTokenAsync("/untrusted", await OrdersToken())).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
        fixture.Logs.Entries.Should().Contain(entry => entry.Message.Contains("every token is refused", StringComparison.Ordinal)
            && entry.Message.Contains(fixture.Provider.JwksUri.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_may_come_in_the_access_token_cookie()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/cookie");
        request.Headers.Add("Cookie", "access_token=" + await OrdersToken());

        var response = await fixture.Gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Operation_debug_logs_why_a_request_was_refused_without_the_token()
    {
        var token = fixture.SignWithProviderKey(fixture.OrdersClaims(new JsonObject { ["iss"] = "https://evil.example" }));

        (await fixture.Gateway.GetWithTokenAsync("/orders/logged", token)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);

        var entry = fixture.Logs.Entries.Should().Contain(entry =>
            entry.Message == "[ENDPOINT: /orders/{id}][JWTValidator] Request refused: the token's iss is not the configured issuer").Which;
        entry.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Error);
        var signature = token.Split('.')[2];
        fixture.Logs.Entries.Should().NotContain(logged => logged.Message.Contains(signature, StringComparison.Ordinal));
    }
}

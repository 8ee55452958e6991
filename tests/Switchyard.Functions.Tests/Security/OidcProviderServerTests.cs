using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// The real authorization server the JWT and OAuth 2.0 client tests rely on: client credentials tokens are JWTs
/// signed with the client's key and carry the claims the tests set, its JWKS is served over HTTPS to a client that
/// trusts the test CA alone, and a wrong secret is refused.
/// </summary>
public sealed class OidcProviderServerTests(OidcProviderFixture fixture) : IClassFixture<OidcProviderFixture>
{
    private OidcProviderServer Server => fixture.Server;

    [Fact]
    public async Task A_client_credentials_token_is_a_jwt_with_the_registered_claims_signed_with_the_clients_algorithm()
    {
        var client = OidcProviderFixture.Orders;
        var token = await Server.GetAccessTokenAsync(client.ClientId, client.ClientSecret);

        var (header, payload) = Decode(token);
        header["alg"]!.GetValue<string>().Should().Be("PS256");
        header["kid"]!.GetValue<string>().Should().Be("rsa-1");
        header["typ"]!.GetValue<string>().Should().Be("at+jwt");

        payload["iss"]!.GetValue<string>().Should().Be(Server.Issuer).And.StartWith("https://127.0.0.1:");
        payload["aud"]!.GetValue<string>().Should().Be(OidcProviderFixture.Audience);
        payload["sub"]!.GetValue<string>().Should().Be(client.ClientId);
        payload["client_id"]!.GetValue<string>().Should().Be(client.ClientId);
        payload["scope"]!.GetValue<string>().Should().Be("orders:read orders:write");
        payload["jti"]!.GetValue<string>().Should().NotBeEmpty();
        payload["roles"]!.AsArray().Select(role => role!.GetValue<string>()).Should().Equal("admin", "auditor");
        foreach (var (name, value) in client.Claims!)
        {
            JsonNode.DeepEquals(payload[name], value).Should().BeTrue($"the extra claim {name} is {value!.ToJsonString()}");
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var issuedAt = payload["iat"]!.GetValue<long>();
        issuedAt.Should().BeInRange(now - 60, now + 5);
        (payload["exp"]!.GetValue<long>() - issuedAt).Should().Be(600, "the fixture's tokens live 10 minutes");
    }

    [Fact]
    public async Task A_scope_asked_for_is_the_tokens_scope_and_a_client_posting_its_secret_gets_an_es256_token()
    {
        var client = OidcProviderFixture.Reports;
        var token = await Server.GetAccessTokenAsync(client.ClientId, client.ClientSecret, "reports:read");

        var (header, payload) = Decode(token);
        header["alg"]!.GetValue<string>().Should().Be("ES256");
        header["kid"]!.GetValue<string>().Should().Be("ec-1");
        payload["sub"]!.GetValue<string>().Should().Be(client.ClientId);
        payload["scope"]!.GetValue<string>().Should().Be("reports:read");
        payload["aud"]!.GetValue<string>().Should().Be(OidcProviderFixture.Audience);
        payload.ContainsKey("roles").Should().BeFalse("the client has no roles");
    }

    [Fact]
    public async Task The_jwks_is_served_over_https_to_a_client_trusting_only_the_test_ca_and_holds_the_public_keys()
    {
        Server.JwksUri.Scheme.Should().Be("https");
        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Server.CaCertificatePath!));
        using var http = new HttpClient(CustomRootTrust.Handler(ca));

        var jwks = JsonNode.Parse(await http.GetStringAsync(Server.JwksUri))!["keys"]!.AsArray();

        jwks.Select(key => key!["kid"]!.GetValue<string>()).Should().BeEquivalentTo("rsa-1", "ec-1");
        foreach (var key in jwks)
        {
            var published = key!.AsObject();
            published.ContainsKey("d").Should().BeFalse("a JWKS publishes no private key");
            var expected = Server.SigningKey(published["kid"]!.GetValue<string>()).PublicJwk();
            foreach (var member in published["kty"]!.GetValue<string>() == "RSA" ? ["kty", "n", "e"] : new[] { "kty", "crv", "x", "y" })
            {
                published[member]!.GetValue<string>().Should().Be(expected[member]!.GetValue<string>(), $"{member} of {published["kid"]}");
            }
        }
    }

    [Fact]
    public async Task A_client_trusting_the_machines_store_alone_refuses_the_servers_certificate()
    {
        using var http = new HttpClient();

        var fetch = () => http.GetStringAsync(Server.JwksUri);

        await fetch.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_401_from_the_token_endpoint()
    {
        using var response = await Server.RequestTokenAsync(OidcProviderFixture.Orders.ClientId, "not-the-secret");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        error["error"]!.GetValue<string>().Should().Be("invalid_client");
    }

    private static (JsonObject Header, JsonObject Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        parts.Should().HaveCount(3, "a signed JWT has a header, a payload and a signature");
        return (Part(parts[0]), Part(parts[1]));
    }

    private static JsonObject Part(string segment) => JsonNode.Parse(Base64Url.DecodeFromChars(segment))!.AsObject();
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// The attacks on a JWT-protected endpoint (PS256 through the real provider's JWKS), each answered 401 with status
/// only and nothing reaching the backend. Forged tokens are signed with the provider's own private key (a token the
/// provider would never issue), with another key, or not at all.
/// </summary>
public sealed class JwtAttackTests(JwtGatewayFixture fixture) : IClassFixture<JwtGatewayFixture>
{
    private long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private async Task ShouldBeRefusedAsync(string? token, string attack)
    {
        var target = "/orders/" + attack;
        var before = fixture.Backend.Received.Count;

        var answer = await fixture.Gateway.GetWithTokenAsync(target, token);

        answer.ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
        fixture.Backend.Received.Count.Should().Be(before, "nothing reaches the backend");
        fixture.Backend.Received.Should().NotContain(request => request.Target.Contains(attack, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_forging_set_up_is_sound_a_token_signed_with_the_providers_key_passes()
    {
        var answer = await fixture.Gateway.GetWithTokenAsync("/orders/control", fixture.SignWithProviderKey(fixture.OrdersClaims()));

        answer.Status.Should().Be(HttpStatusCode.OK, "the attacks below differ from this token in one thing each");
    }

    [Fact]
    public Task No_token() => ShouldBeRefusedAsync(null, "no-token");

    [Fact]
    public Task A_malformed_token() => ShouldBeRefusedAsync("a.bad.token", "malformed");

    [Fact]
    public Task An_expired_token() =>
        ShouldBeRefusedAsync(fixture.SignWithProviderKey(fixture.OrdersClaims(new JsonObject { ["iat"] = Now - 600, ["exp"] = Now - 60 })), "expired");

    [Fact]
    public Task A_token_not_valid_yet() =>
        ShouldBeRefusedAsync(fixture.SignWithProviderKey(fixture.OrdersClaims(new JsonObject { ["nbf"] = Now + 600 })), "not-yet-valid");

    [Fact]
    public Task A_token_of_another_issuer() =>
        ShouldBeRefusedAsync(fixture.SignWithProviderKey(fixture.OrdersClaims(new JsonObject { ["iss"] = "https://evil.example" })), "wrong-issuer");

    [Fact]
    public Task A_token_for_another_audience() =>
        ShouldBeRefusedAsync(fixture.SignWithProviderKey(fixture.OrdersClaims(new JsonObject { ["aud"] = "https://other-api.example" })), "wrong-audience");

    [Fact]
    public Task A_token_signed_with_another_key_under_the_providers_kid()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var token = TestTokens.Sign(fixture.OrdersClaims(), new RsaSecurityKey(other) { KeyId = "rsa-1" }, "PS256");

        return ShouldBeRefusedAsync(token, "wrong-key");
    }

    [Fact]
    public Task An_unsigned_token_with_alg_none() =>
        ShouldBeRefusedAsync(TestTokens.Unsigned(new JsonObject { ["alg"] = "none", ["kid"] = "rsa-1", ["typ"] = "JWT" }, fixture.OrdersClaims()), "alg-none");

    [Fact]
    public Task An_hs256_token_whose_secret_is_the_providers_rsa_public_key()
    {
        var publicPem = fixture.Provider.SigningKey("rsa-1").Rsa!.ExportSubjectPublicKeyInfoPem();
        var token = TestTokens.Sign(fixture.OrdersClaims(), new SymmetricSecurityKey(Encoding.ASCII.GetBytes(publicPem)) { KeyId = "rsa-1" }, "HS256");

        return ShouldBeRefusedAsync(token, "hs256-confusion");
    }

    [Fact]
    public Task An_hs256_token_whose_secret_is_the_providers_rsa_modulus()
    {
        var modulus = fixture.Provider.SigningKey("rsa-1").Rsa!.ExportParameters(false).Modulus!;
        var token = TestTokens.Sign(fixture.OrdersClaims(), new SymmetricSecurityKey(modulus) { KeyId = "rsa-1" }, "HS256");

        return ShouldBeRefusedAsync(token, "hs256-modulus");
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task A_key_url_header_pointing_elsewhere_is_never_fetched(string header)
    {
        var keysUrl = fixture.AttackerKeys.Host + "/jwks.json";
        var token = TestTokens.Sign(fixture.OrdersClaims(), fixture.AttackerKey, "PS256", new Dictionary<string, object> { [header] = keysUrl });

        await ShouldBeRefusedAsync(token, "key-url-" + header);

        fixture.AttackerKeys.Received.Should().BeEmpty("the gateway never follows a token's own key URL");
    }

    [Fact]
    public async Task An_embedded_jwk_header_is_never_trusted()
    {
        var headers = new Dictionary<string, object> { ["jwk"] = fixture.AttackerJwk };
        var underProvidersKid = new RsaSecurityKey(fixture.AttackerKey.Rsa) { KeyId = "rsa-1" };
        var token = TestTokens.Sign(fixture.OrdersClaims(), underProvidersKid, "PS256", headers);

        await ShouldBeRefusedAsync(token, "embedded-jwk");
    }

    [Fact]
    public Task A_token_of_100_kilobytes()
    {
        var token = fixture.SignWithProviderKey(fixture.OrdersClaims(new JsonObject { ["padding"] = new string('x', 100 * 1024) }));

        return ShouldBeRefusedAsync(token, "huge");
    }

    [Fact]
    public Task A_token_with_a_tampered_payload()
    {
        var parts = fixture.SignWithProviderKey(fixture.OrdersClaims()).Split('.');
        var payload = TestTokens.Decode(parts[1]);
        payload["roles"] = new JsonArray("admin", "superuser");

        return ShouldBeRefusedAsync($"{parts[0]}.{TestTokens.Segment(payload)}.{parts[2]}", "tampered");
    }
}

using System.Text.Json.Nodes;
using Switchyard.Core.Security.Jwt;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>The claims of a well-signed token: lifetimes with the leeway, issuer, audience, claim checks, roles and scopes.</summary>
public sealed class JwtValidatorClaimsTests : IDisposable
{
    private readonly JwtValidatorHarness _harness = new();
    private readonly JwtTestKey _key = JwtTestKey.For("ES256");

    public void Dispose() => _harness.Dispose();

    private async Task<JwtValidationResult> Validate(
        JsonObject claims, Func<JwtValidatorOptions, JwtValidatorOptions>? configure = null, params string[] checks) =>
        await _harness.Validator(_key, configure, checks).ValidateTokenAsync(_key.Sign(claims), default);

    private long Now => _harness.Time.GetUtcNow().ToUnixTimeSeconds();

    [Theory]
    [InlineData(-2, "the token has expired")]
    [InlineData(-1, null)]
    [InlineData(60, null)]
    public async Task Exp_is_checked_with_the_leeway(int offset, string? refusal)
    {
        var result = await Validate(_harness.Claims(new JsonObject { ["exp"] = Now + offset }));

        result.Reason.Should().Be(refusal);
    }

    [Theory]
    [InlineData("nbf", 2, "the token is not valid yet")]
    [InlineData("nbf", 1, null)]
    [InlineData("iat", 2, "the token was issued in the future")]
    [InlineData("iat", 1, null)]
    public async Task Nbf_and_iat_may_not_be_later_than_now_plus_the_leeway(string claim, int offset, string? refusal)
    {
        var result = await Validate(_harness.Claims(new JsonObject { [claim] = Now + offset }));

        result.Reason.Should().Be(refusal);
    }

    [Fact]
    public async Task A_larger_leeway_accepts_a_token_that_expired_within_it()
    {
        var result = await Validate(_harness.Claims(new JsonObject { ["exp"] = Now - 50 }), options => options with { Leeway = TimeSpan.FromMinutes(1) });

        result.Outcome.Should().Be(JwtOutcome.Valid);
    }

    [Fact]
    public async Task A_token_without_exp_is_valid_as_in_krakend()
    {
        var claims = _harness.Claims();
        claims.Remove("exp");

        (await Validate(claims)).Outcome.Should().Be(JwtOutcome.Valid);
    }

    [Theory]
    [InlineData("https://other.example")]
    [InlineData("https://idp.switchyard.test/")]
    [InlineData(null)]
    public async Task The_issuer_must_be_exactly_the_configured_one(string? issuer)
    {
        var result = await Validate(_harness.Claims(new JsonObject { ["iss"] = issuer }));

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.Issuer, "the token's iss is not the configured issuer"));
    }

    [Fact]
    public async Task The_audience_must_hold_every_configured_audience()
    {
        var configure = (JwtValidatorOptions options) => options with { Audience = ["a", "b"] };

        (await Validate(_harness.Claims(new JsonObject { ["aud"] = "a" }), configure)).Reason.Should().Be("the token's aud does not hold every configured audience");
        (await Validate(_harness.Claims(new JsonObject { ["aud"] = new JsonArray("b", "c") }), configure)).Outcome.Should().Be(JwtOutcome.Unauthorized);
        (await Validate(_harness.Claims(new JsonObject { ["aud"] = new JsonArray("c", "b", "a") }), configure)).Outcome.Should().Be(JwtOutcome.Valid);
    }

    [Theory]
    [InlineData("sub", "12")]
    [InlineData("iss", "true")]
    [InlineData("exp", "\"tomorrow\"")]
    [InlineData("aud", "[1]")]
    [InlineData("aud", "{}")]
    public async Task A_registered_claim_of_the_wrong_type_is_refused(string claim, string json)
    {
        var result = await Validate(_harness.Claims(new JsonObject { [claim] = JsonNode.Parse(json) }), options => options with { Issuer = null, Audience = [] });

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Fact]
    public async Task A_payload_with_a_claim_given_twice_is_refused_even_when_properly_signed()
    {
        var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        var validator = _harness.Validator(JwtTestKey.Hmac("HS256", "hs", secret));
        var payload = _harness.Claims(new JsonObject { ["role"] = "user" }).ToJsonString().TrimEnd('}') + ",\"role\":\"admin\"}";
        var signingInput = TestTokens.Segment(new JsonObject { ["alg"] = "HS256", ["kid"] = "hs" }) + "."
            + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload));
        var signature = System.Security.Cryptography.HMACSHA256.HashData(secret, System.Text.Encoding.ASCII.GetBytes(signingInput));
        var token = signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);

        var result = await validator.ValidateTokenAsync(token, default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.MalformedClaims, "the token's claims are not one JSON object"));
    }

    [Theory]
    [InlineData("JWT.tenant == 'acme'", JwtOutcome.Valid)]
    [InlineData("JWT.tenant == 'other'", JwtOutcome.Unauthorized)]
    [InlineData("JWT.missing == 'x'", JwtOutcome.Unauthorized)]
    [InlineData("size(JWT.roles) > 1 && timestamp('2026-01-01T00:00:00Z') < now", JwtOutcome.Valid)]
    public async Task Claim_checks_that_are_not_true_refuse_the_token(string check, JwtOutcome outcome)
    {
        var claims = _harness.Claims(new JsonObject { ["tenant"] = "acme", ["roles"] = new JsonArray("a", "b") });

        (await Validate(claims, null, check)).Outcome.Should().Be(outcome);
    }

    [Fact]
    public async Task A_failed_claim_check_comes_before_missing_roles()
    {
        var result = await Validate(_harness.Claims(), options => options with { Roles = ["admin"] }, "false");

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Theory]
    [InlineData("""{"roles": ["role_y"]}""", JwtOutcome.Forbidden)]
    [InlineData("""{}""", JwtOutcome.Forbidden)]
    [InlineData("""{"roles": "role_x role_c"}""", JwtOutcome.Valid)]
    [InlineData("""{"roles": ["role_a", "role_b"]}""", JwtOutcome.Valid)]
    [InlineData("""{"roles": [1, "role_c"]}""", JwtOutcome.Valid)]
    [InlineData("""{"roles": 3}""", JwtOutcome.Forbidden)]
    public async Task Missing_roles_are_forbidden(string extra, JwtOutcome outcome)
    {
        var result = await Validate(_harness.Claims(JsonNode.Parse(extra)!.AsObject()), options => options with { Roles = ["role_a", "role_c"] });

        result.Outcome.Should().Be(outcome);
        if (outcome == JwtOutcome.Forbidden)
        {
            result.Reason.Should().Be("the token does not have sufficient roles");
        }
    }

    [Theory]
    [InlineData("realm.roles", true, JwtOutcome.Valid)]
    [InlineData("realm.roles", false, JwtOutcome.Forbidden)]
    [InlineData("http://example.com/roles", true, JwtOutcome.Valid)]
    public async Task Nested_roles_are_read_through_the_dots_unless_the_key_starts_with_http(string key, bool nested, JwtOutcome outcome)
    {
        var claims = _harness.Claims(new JsonObject
        {
            ["realm"] = new JsonObject { ["roles"] = new JsonArray("admin") },
            ["http://example.com/roles"] = new JsonArray("admin"),
        });

        var result = await Validate(claims, options => options with { Roles = ["admin"], RolesKey = key, RolesKeyIsNested = nested });

        result.Outcome.Should().Be(outcome);
    }

    [Theory]
    [InlineData("a b", ScopesMatcher.Any, JwtOutcome.Valid)]
    [InlineData("a", ScopesMatcher.Any, JwtOutcome.Valid)]
    [InlineData("c", ScopesMatcher.Any, JwtOutcome.Forbidden)]
    [InlineData("a b c", ScopesMatcher.All, JwtOutcome.Valid)]
    [InlineData("a c", ScopesMatcher.All, JwtOutcome.Forbidden)]
    public async Task Scopes_are_matched_any_or_all(string scope, ScopesMatcher matcher, JwtOutcome outcome)
    {
        var result = await Validate(
            _harness.Claims(new JsonObject { ["scope"] = scope }),
            options => options with { Scopes = ["a", "b"], ScopesKey = "scope", ScopesMatcher = matcher });

        result.Outcome.Should().Be(outcome);
    }

    [Theory]
    [InlineData("""{"data": {"scopes": ["b"]}}""", JwtOutcome.Valid)]
    [InlineData("""{"data": {"scopes": []}}""", JwtOutcome.Forbidden)]
    [InlineData("""{"data": "b"}""", JwtOutcome.Forbidden)]
    [InlineData("""{}""", JwtOutcome.Forbidden)]
    public async Task A_dotted_scopes_key_is_always_a_path(string extra, JwtOutcome outcome)
    {
        var result = await Validate(
            _harness.Claims(JsonNode.Parse(extra)!.AsObject()),
            options => options with { Scopes = ["a", "b"], ScopesKey = "data.scopes" });

        result.Outcome.Should().Be(outcome);
    }

    [Fact]
    public async Task Roles_are_checked_before_scopes()
    {
        var result = await Validate(_harness.Claims(), options => options with { Roles = ["r"], Scopes = ["s"], ScopesKey = "scope" });

        result.Reason.Should().Be("the token does not have sufficient roles");
    }
}

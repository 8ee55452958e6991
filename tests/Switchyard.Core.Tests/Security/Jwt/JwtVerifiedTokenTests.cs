using System.Text.Json.Nodes;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>
/// The verified-token memory: the same token skips its signature check, but never what depends on time, on the key set
/// or on the endpoint, and a token whose signature fails is never remembered.
/// </summary>
public sealed class JwtVerifiedTokenTests : IDisposable
{
    private readonly JwtValidatorHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task The_same_token_is_remembered_once_and_answered_alike()
    {
        var key = JwtTestKey.For("RS256");
        var validator = _harness.Validator(key);
        var token = key.Sign(_harness.Claims());

        var first = await validator.ValidateTokenAsync(token, default);
        var second = await validator.ValidateTokenAsync(token, default);

        first.Outcome.Should().Be(JwtOutcome.Valid, first.Reason);
        second.Outcome.Should().Be(JwtOutcome.Valid, second.Reason);
        second.Claims!.ToJsonString().Should().Be(first.Claims!.ToJsonString());
        validator.RememberedTokens.Should().Be(1);
    }

    [Fact]
    public async Task A_remembered_token_still_expires()
    {
        var key = JwtTestKey.For("ES256");
        var validator = _harness.Validator(key);
        var token = key.Sign(_harness.Claims());
        (await validator.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Valid);

        _harness.Time.Advance(TimeSpan.FromMinutes(6));

        (await validator.ValidateTokenAsync(token, default)).Should().Be(JwtValidationResult.Unauthorized(JwtRejection.Expired, "the token has expired"));
    }

    [Fact]
    public async Task A_remembered_token_still_needs_its_roles()
    {
        var key = JwtTestKey.For("RS256");
        var token = key.Sign(_harness.Claims(new JsonObject { ["roles"] = new JsonArray("reader") }));
        var open = _harness.Validator(key);
        var admins = _harness.Validator(key, options => options with { Roles = ["admin"] });

        (await open.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await admins.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Forbidden);
        (await admins.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Forbidden);
    }

    [Fact]
    public async Task A_token_with_another_signature_is_checked_and_refused_and_never_remembered()
    {
        var key = JwtTestKey.For("RS256");
        var validator = _harness.Validator(key);
        var token = key.Sign(_harness.Claims());
        (await validator.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Valid);

        var forged = token[..token.LastIndexOf('.')] + "." + JwtTestKey.For("RS256", "key-1").Sign(_harness.Claims()).Split('.')[2];

        (await validator.ValidateTokenAsync(forged, default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
        (await validator.ValidateTokenAsync(forged, default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
        validator.RememberedTokens.Should().Be(1);
    }

    [Fact]
    public async Task A_new_key_set_checks_a_remembered_token_again_and_a_key_it_dropped_refuses_it()
    {
        var key = JwtTestKey.For("RS256", "old");
        var other = JwtTestKey.For("RS256", "new");
        var keys = new SwitchableKeySource(_harness.Time, key.PublicJwk);
        var validator = new JwtValidator(
            new JwtValidatorOptions { Algorithm = "RS256", Keys = new JwkSourceOptions { LocalPath = "unused" }, Issuer = JwtValidatorHarness.Issuer },
            keys,
            [],
            _harness.Time);
        var token = key.Sign(_harness.Claims());
        (await validator.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Valid);

        keys.Publish(other.PublicJwk);

        (await validator.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    /// <summary>A key set that the test replaces, as a refresh of a provider's set does.</summary>
    private sealed class SwitchableKeySource(TimeProvider time, JsonObject jwk) : IJwkKeySource
    {
        private JwkKeySet _set = Set(time, jwk);

        public Task Ready => Task.CompletedTask;

        public void Publish(JsonObject replacement) => _set = Set(time, replacement);

        public JwkKeySet? Snapshot() => _set;

        public ValueTask<JwkKeySet?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult<JwkKeySet?>(_set);

        private static JwkKeySet Set(TimeProvider time, JsonObject key) =>
            JwkKeySet.Parse(new JsonObject { ["keys"] = new JsonArray(key.DeepClone()) }.ToJsonString(), time.GetUtcNow());
    }
}

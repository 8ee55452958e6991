using System.Collections.Concurrent;
using Switchyard.Core.Security.Jwt;
using Switchyard.Core.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>
/// The downloaded key set against a real JWKS server that counts downloads, with a clock the tests move: warm-up, no
/// download per request, one shared and rate-limited download for unknown key ids, rotation, background refresh, and
/// no keys at all when the provider cannot confirm them.
/// </summary>
public sealed class RemoteJwkSourceTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _log = new();
    private readonly JwtTestKey _key1 = JwtTestKey.For("RS256", "key-1");
    private readonly JwtTestKey _key2 = JwtTestKey.For("RS256", "key-2");
    private JwksServer _server = null!;
    private JwkSources _sources = null!;

    public async Task InitializeAsync()
    {
        _server = await JwksServer.StartAsync(_key1.PublicJwk);
        _sources = new JwkSources(_time, (level, message, _) => _log.Enqueue($"{level}: {message}"), "Switchyard tests");
    }

    public async Task DisposeAsync()
    {
        await _sources.DisposeAsync();
        await _server.DisposeAsync();
    }

    private JwkSourceOptions Options => new() { Url = _server.Url, DisableJwkSecurity = true };

    private async Task<JwtValidator> StartedValidator()
    {
        var source = _sources.For(Options, MaxAge, Cooldown);
        await source.Ready;
        return new JwtValidator(new JwtValidatorOptions { Algorithm = "RS256", Keys = Options }, source, [], _time);
    }

    private string Token(JwtTestKey key) => key.Sign(TestTokens.Claims("iss", "aud", _time.GetUtcNow()));

    [Fact]
    public async Task The_set_is_downloaded_once_at_start_and_requests_with_a_known_kid_download_nothing()
    {
        var validator = await StartedValidator();

        for (var i = 0; i < 50; i++)
        {
            (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Valid);
        }

        _server.Downloads.Should().Be(1);
        _log.Should().ContainSingle(line => line.StartsWith("Information: JWK set downloaded from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoints_naming_the_same_url_share_one_source()
    {
        var first = _sources.For(Options, MaxAge, Cooldown);
        var second = _sources.For(Options with { JsonPath = "endpoints[1].extra_config.auth/validator" }, TimeSpan.FromMinutes(1), Cooldown);
        await first.Ready;

        second.Should().BeSameAs(first);
        _server.Downloads.Should().Be(1);
    }

    [Fact]
    public async Task Unknown_kids_share_one_download_at_most_once_per_cooldown_and_are_still_refused()
    {
        var validator = await StartedValidator();
        var unknown = Token(_key2);

        (await validator.ValidateTokenAsync(unknown, default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
        _server.Downloads.Should().Be(1, "the warm-up was less than a cooldown ago");

        _time.Advance(Cooldown + TimeSpan.FromSeconds(1));
        var gate = new TaskCompletionSource();
        _server.BeforeAnswer = () => gate.Task;
        var requests = Enumerable.Range(0, 20).Select(_ => validator.ValidateTokenAsync(unknown, default).AsTask()).ToList();
        await Eventually.HoldsAsync(() => _server.Downloads == 2, what: "the refresh download");
        gate.SetResult();
        var results = await Task.WhenAll(requests);

        results.Should().OnlyContain(result => result.Outcome == JwtOutcome.Unauthorized);
        for (var i = 0; i < 20; i++)
        {
            (await validator.ValidateTokenAsync(unknown, default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
        }

        _server.Downloads.Should().Be(2, "one refresh for every unknown kid within the cooldown");
    }

    [Fact]
    public async Task A_rotated_key_is_accepted_after_one_refresh()
    {
        var validator = await StartedValidator();
        _server.Publish(_key1.PublicJwk, _key2.PublicJwk);
        _time.Advance(Cooldown);

        (await validator.ValidateTokenAsync(Token(_key2), default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateTokenAsync(Token(_key2), default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Valid);

        _server.Downloads.Should().Be(2);
    }

    [Fact]
    public async Task An_aging_set_is_refreshed_in_the_background_while_requests_are_answered_from_it()
    {
        var validator = await StartedValidator();
        var gate = new TaskCompletionSource();
        _server.BeforeAnswer = () => gate.Task;
        _server.Publish(_key2.PublicJwk);

        _time.Advance(MaxAge + TimeSpan.FromSeconds(1));
        (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Valid, "the cached set answers while its refresh runs");
        await Eventually.HoldsAsync(() => _server.Downloads == 2, what: "the background refresh");
        gate.SetResult();

        await Eventually.HoldsAsync(() => _log.Any(line => line.Contains("[key-2]", StringComparison.Ordinal)), what: "the refreshed set");
        (await validator.ValidateTokenAsync(Token(_key2), default)).Outcome.Should().Be(JwtOutcome.Valid);
        _server.Downloads.Should().Be(2);
    }

    [Fact]
    public async Task A_provider_down_at_start_means_every_token_is_refused_until_it_answers()
    {
        _server.IsDown = true;
        var validator = await StartedValidator();

        var refused = await validator.ValidateTokenAsync(Token(_key1), default);
        refused.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.NoKeySet, "no key set is available (not downloaded yet, or it cannot be)"));
        _log.Should().Contain(line => line.StartsWith("Error: JWK set", StringComparison.Ordinal) && line.Contains("answered 503", StringComparison.Ordinal));

        _server.IsDown = false;
        _time.Advance(Cooldown);
        (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Valid);
    }

    [Fact]
    public async Task A_set_past_its_max_age_that_cannot_be_refreshed_is_dropped()
    {
        var validator = await StartedValidator();
        _server.IsDown = true;

        _time.Advance(MaxAge * 3 / 4 + TimeSpan.FromSeconds(1));
        (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Valid);
        await Eventually.HoldsAsync(() => _log.Any(line => line.Contains("the keys downloaded before are kept", StringComparison.Ordinal)), what: "the failed refresh");

        _time.Advance(MaxAge / 4);
        await validator.ValidateTokenAsync(Token(_key1), default);
        await Eventually.HoldsAsync(() => _log.Any(line => line.Contains("every token is refused", StringComparison.Ordinal)), what: "the set dropped");

        (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Fact]
    public async Task A_set_served_with_another_content_type_is_not_used()
    {
        _server.ContentType = "text/html";
        var validator = await StartedValidator();

        (await validator.ValidateTokenAsync(Token(_key1), default)).Outcome.Should().Be(JwtOutcome.Unauthorized);
        _log.Should().Contain(line => line.Contains("Content-Type 'text/html'", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// The gateway's key cache against a JWKS server that counts downloads and rotates keys, with a clock the tests move:
/// no download per request after warm-up, one rate-limited refresh for unknown key ids, rotation, and the refresh of
/// an aging set in the background while requests are answered from it.
/// </summary>
public sealed class JwtKeyRefreshTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly OidcSigningKey _key1 = OidcSigningKey.Create("key-1", OidcKeyType.EcP256);
    private readonly OidcSigningKey _key2 = OidcSigningKey.Create("key-2", OidcKeyType.EcP256);
    private JwksServer _jwks = null!;
    private TestBackend _backend = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync(_key1.PublicJwk());
        _backend = await TestBackend.StartAsync("{}");
        _gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/items", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/items"}],
             "extra_config": {"auth/validator": {"alg": "ES256", "jwk_url": "{{_jwks.Url}}", "disable_jwk_security": true,
                                                 "cache": true, "cache_duration": 900, "failed_jwk_key_cooldown": "10s"} } }
            """), _time);
        (await Get(_key1)).Should().Be(HttpStatusCode.OK, "the warm-up download gives the first key");
        _jwks.Downloads.Should().Be(1);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        await _jwks.DisposeAsync();
        _key1.Dispose();
        _key2.Dispose();
    }

    private async Task<HttpStatusCode> Get(OidcSigningKey key)
    {
        var token = TestTokens.Sign(TestTokens.Claims("iss", "aud", _time.GetUtcNow()), new ECDsaSecurityKey(key.EcDsa!) { KeyId = key.KeyId }, "ES256");
        return (await _gateway.GetWithTokenAsync("/items", token)).Status;
    }

    [Fact]
    public async Task After_warm_up_requests_with_a_known_kid_download_nothing()
    {
        for (var i = 0; i < 100; i++)
        {
            (await Get(_key1)).Should().Be(HttpStatusCode.OK);
        }

        _jwks.Downloads.Should().Be(1);
    }

    [Fact]
    public async Task A_kid_missing_from_the_set_causes_one_rate_limited_refresh_and_is_still_refused()
    {
        (await Get(_key2)).Should().Be(HttpStatusCode.Unauthorized);
        _jwks.Downloads.Should().Be(1, "the warm-up was less than a cooldown ago");

        _time.Advance(TimeSpan.FromSeconds(11));
        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Get(_key2)));

        answers.Should().OnlyContain(status => status == HttpStatusCode.Unauthorized);
        _jwks.Downloads.Should().Be(2, "25 requests with an unknown kid share one refresh");
        _backend.Received.Should().HaveCount(1, "only the warm-up request got through");
    }

    [Fact]
    public async Task A_rotated_key_passes_after_one_refresh()
    {
        _jwks.Publish(_key2.PublicJwk());
        _time.Advance(TimeSpan.FromSeconds(10));

        (await Get(_key2)).Should().Be(HttpStatusCode.OK);
        (await Get(_key2)).Should().Be(HttpStatusCode.OK);
        (await Get(_key1)).Should().Be(HttpStatusCode.Unauthorized, "the old key left the set");

        _jwks.Downloads.Should().Be(2);
    }

    [Fact]
    public async Task Past_its_max_age_the_set_is_refreshed_in_the_background_while_requests_are_answered_from_it()
    {
        var gate = new TaskCompletionSource();
        _jwks.BeforeAnswer = () => gate.Task;
        _jwks.Publish(_key1.PublicJwk(), _key2.PublicJwk());
        _time.Advance(TimeSpan.FromSeconds(901));

        (await Get(_key1)).Should().Be(HttpStatusCode.OK, "the cached set answers while the refresh waits");
        (await Get(_key1)).Should().Be(HttpStatusCode.OK);
        _jwks.Downloads.Should().Be(2, "one background refresh is under way");

        gate.SetResult();
        (await Get(_key2)).Should().Be(HttpStatusCode.OK, "the refreshed set has the new key");
        _jwks.Downloads.Should().Be(2);
    }
}

using Switchyard.Core.Resilience.HttpCache;

namespace Switchyard.Core.Tests.Resilience.HttpCache;

/// <summary>The freshness rules on responses a backend could send (Kestrel always adds a Date, so these are built here).</summary>
public sealed class CacheFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("max-age=60", true, null, 30, "Fresh")]
    [InlineData("max-age=60", true, null, 61, "Stale")]
    [InlineData("max-age=60", false, null, 0, "Stale")] // no Date: always stale
    [InlineData(null, true, 120, 100, "Fresh")] // Expires − Date = 120 s
    [InlineData(null, true, 120, 121, "Stale")]
    [InlineData(null, true, null, 0, "Stale")] // no lifetime, no heuristic
    [InlineData("max-age=60, no-cache", true, null, 0, "Stale")]
    public void A_stored_response_is_fresh_for_its_lifetime(string? cacheControl, bool dated, int? expiresIn, int ageSeconds, string expected)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        if (cacheControl is not null)
        {
            response.Headers.TryAddWithoutValidation("Cache-Control", cacheControl);
        }

        if (dated)
        {
            response.Headers.Date = Now;
        }

        if (expiresIn is { } seconds)
        {
            response.Content.Headers.Expires = Now.AddSeconds(seconds);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "http://backend/x");
        var stored = CachedResponse.From(response, [], request, Now, Now);

        CacheFreshness.Of(stored, CacheControlOf(request), Now.AddSeconds(ageSeconds)).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("no-cache", "Transparent")]
    [InlineData("max-age=10", "Stale")] // the client accepts at most 10 s of age; the answer is 30 s old
    [InlineData("max-stale", "Fresh")]
    [InlineData("min-fresh=40", "Stale")] // fresh for 30 s more, the client wants 40
    public void The_requests_own_directives_narrow_or_widen_freshness(string requestControl, string expected)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("Cache-Control", "max-age=60");
        response.Headers.Date = Now;
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://backend/x");
        request.Headers.TryAddWithoutValidation("Cache-Control", requestControl);
        var stored = CachedResponse.From(response, [], request, Now, Now);

        CacheFreshness.Of(stored, CacheControlOf(request), Now.AddSeconds(30)).ToString().Should().Be(expected);
    }

    private static CacheControl CacheControlOf(HttpRequestMessage request) => CacheControl.Of(request.Headers);
}

namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>
/// The freshness of a stored response (RFC 9111 section 4.2, as KrakenD's cache reads it): the request's
/// <c>no-cache</c> bypasses the cache, the response's <c>no-cache</c> or a missing <c>Date</c> makes it stale, its
/// lifetime is <c>max-age</c>, else <c>Expires − Date</c>, else zero (no heuristic lifetime); the request's
/// <c>max-age</c>, <c>min-fresh</c> and <c>max-stale</c> narrow or widen it.
/// </summary>
internal static class CacheFreshness
{
    public static Freshness Of(CachedResponse stored, CacheControl request, DateTimeOffset now)
    {
        if (request.Has("no-cache"))
        {
            return Freshness.Transparent;
        }

        if (stored.Control.Has("no-cache"))
        {
            return Freshness.Stale;
        }

        // The client would rather have whatever is stored than wait for the backend.
        if (request.Has("only-if-cached"))
        {
            return Freshness.Fresh;
        }

        if (stored.Date is not { } date)
        {
            return Freshness.Stale;
        }

        var age = CurrentAge(stored, date, now);
        var lifetime = stored.Control.Seconds("max-age")
            ?? (stored.Expires is { } expires ? expires - date : TimeSpan.Zero);
        if (request.Seconds("max-age") is { } acceptedAge && acceptedAge < lifetime)
        {
            lifetime = acceptedAge;
        }

        if (request.Seconds("min-fresh") is { } minFresh)
        {
            age += minFresh;
        }

        if (request.HasNoValue("max-stale"))
        {
            return Freshness.Fresh;
        }

        if (request.Seconds("max-stale") is { } maxStale)
        {
            age -= maxStale;
        }

        return lifetime > age ? Freshness.Fresh : Freshness.Stale;
    }

    /// <summary>True when a stale response may answer instead of a failure or a 5xx (<c>stale-if-error</c>, RFC 5861).</summary>
    public static bool MayServeOnError(CachedResponse stored, CacheControl request, DateTimeOffset now)
    {
        TimeSpan? window = null;
        foreach (var control in new[] { stored.Control, request })
        {
            if (control.HasNoValue("stale-if-error"))
            {
                return true;
            }

            window = control.Seconds("stale-if-error") ?? window;
        }

        return window is { } allowed && stored.Date is { } date && allowed > CurrentAge(stored, date, now);
    }

    // RFC 9111 section 4.2.3: the age the response had on arrival, plus the time it has been stored since.
    private static TimeSpan CurrentAge(CachedResponse stored, DateTimeOffset date, DateTimeOffset now)
    {
        var apparentAge = Max(TimeSpan.Zero, stored.ResponseTime - date);
        var correctedAge = stored.Age + (stored.ResponseTime - stored.RequestTime);
        return Max(apparentAge, correctedAge) + (now - stored.ResponseTime);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>KrakenD's defaults shared by <c>qos/ratelimit/router</c> and <c>qos/ratelimit/proxy</c>.</summary>
internal static class RateLimitDefaults
{
    /// <summary>The window rates are given for when <c>every</c> is left out.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>
    /// KrakenD's capacity for a bucket whose capacity is left out (or 0): the rate per second, truncated, or 1 below one
    /// a second. It is computed from the per-second rate, so <c>max_rate: 50, every: 10m</c> has a capacity of 1.
    /// </summary>
    public static long Capacity(double maxRate, TimeSpan every) => PerSecond(maxRate, every) switch
    {
        < 1 => 1,
        >= int.MaxValue => int.MaxValue, // a rate meant as "unlimited" must not overflow the count
        var rate => (long)rate,
    };

    /// <summary><paramref name="maxRate"/> tokens every <paramref name="every"/>, as tokens a second.</summary>
    public static double PerSecond(double maxRate, TimeSpan every) => maxRate / every.TotalSeconds;
}

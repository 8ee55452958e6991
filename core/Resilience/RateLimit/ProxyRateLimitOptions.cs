namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>
/// A backend's <c>qos/ratelimit/proxy</c>: one bucket per backend definition, shared by every pipe built for it. A call
/// the bucket refuses is not made; the backend fails with <c>rate limit exceded</c>.
/// </summary>
public sealed record ProxyRateLimitOptions
{
    /// <summary>Calls allowed every <see cref="Every"/>; fractions allowed (<c>0.5</c>). Must be positive.</summary>
    public double MaxRate { get; init; }

    /// <summary>
    /// The most calls made at once, including right after the gateway starts; 0 for KrakenD's default.
    /// <value>The default value is the rate per second truncated, or 1 when it is below one a second.</value>
    /// </summary>
    public long Capacity { get; init; }

    /// <summary>The window <see cref="MaxRate"/> is given for; any positive duration. <value>The default value is 1s.</value></summary>
    public TimeSpan Every { get; init; } = RateLimitDefaults.Every;

    /// <summary>The capacity the bucket gets: <see cref="Capacity"/>, or KrakenD's default when it is 0.</summary>
    public long Burst => Capacity > 0 ? Capacity : RateLimitDefaults.Capacity(MaxRate, Every);
}

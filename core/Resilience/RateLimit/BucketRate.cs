namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>
/// The shape of a token bucket on one clock: <see cref="Capacity"/> tokens when full, one more every
/// <see cref="Interval"/> (timestamp units of the clock). It holds no state, so every bucket of a limiter shares it.
/// </summary>
internal sealed class BucketRate
{
    // Rounding in the sums of intervals must not refuse the token that is exactly due (3 a second: 3 × ⅓ s).
    private const double Slack = 1e-6;

    private BucketRate(double interval, long capacity)
    {
        Interval = interval;
        Capacity = capacity;
        Burst = ((capacity - 1) * interval) + (interval * Slack);
    }

    /// <summary>The most tokens the bucket holds.</summary>
    public long Capacity { get; }

    /// <summary>The clock time one token takes to come back.</summary>
    public double Interval { get; }

    /// <summary>How far the bucket's debt may run ahead of now and still admit a request: <c>capacity − 1</c> intervals.</summary>
    public double Burst { get; }

    /// <summary>
    /// <paramref name="maxRate"/> tokens every <paramref name="every"/>, at most <paramref name="capacity"/> stored, on a
    /// clock counting <paramref name="frequency"/> units a second.
    /// </summary>
    public static BucketRate For(double maxRate, TimeSpan every, long capacity, long frequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRate);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return new BucketRate(every.TotalSeconds * frequency / maxRate, capacity);
    }
}

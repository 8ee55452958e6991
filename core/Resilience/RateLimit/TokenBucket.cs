namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>
/// One token bucket: full when created, it admits exactly <see cref="BucketRate.Capacity"/> requests at once, then one
/// every <see cref="BucketRate.Interval"/>, and never stores more than its capacity however long it idles. Kept as the
/// single instant at which the bucket is full again (the "theoretical arrival time" of the generic cell rate
/// algorithm), updated with one compare-and-swap: no lock, no allocation per request.
/// </summary>
/// <remarks>
/// KrakenD's bucket refills whole intervals only when it finds itself empty, and the request that finds more than
/// <c>capacity</c> intervals elapsed passes free of charge: after a long idle it lets <c>2·capacity + 1</c> requests
/// through at once. Switchyard's admits <c>capacity</c>, then the rate, exactly as the configuration reads. Times are
/// timestamps of one clock, measured from an origin its owner chooses, so a test drives them with a manual clock.
/// </remarks>
internal sealed class TokenBucket(BucketRate rate)
{
    // The instant the bucket is full again; at or before "now" it is full. Starts at the origin: full.
    private double _fullAt;

    /// <summary>Takes one token at <paramref name="now"/>; false (and nothing taken) when the bucket is empty.</summary>
    public bool TryTake(long now)
    {
        while (true)
        {
            var fullAt = Volatile.Read(ref _fullAt);
            var start = Math.Max(fullAt, now);
            if (start - now > rate.Burst)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _fullAt, start + rate.Interval, fullAt) == fullAt)
            {
                return true;
            }
        }
    }

    /// <summary>True when the bucket holds its whole capacity at <paramref name="now"/>: forgetting it changes nothing.</summary>
    public bool IsFullAt(long now) => Volatile.Read(ref _fullAt) <= now;
}

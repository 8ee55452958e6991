using System.Threading.RateLimiting;

namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>
/// One <see cref="TokenBucket"/> on a <see cref="TimeProvider"/>, as a <see cref="RateLimiter"/> so Polly's rate-limiter
/// strategy can hold it. It never queues: a request finds a token or is refused at once, as in KrakenD.
/// </summary>
/// <remarks>
/// <see cref="TokenBucketRateLimiter"/> is not used: it replenishes on a timer in whole tokens per period (no
/// <c>max_rate: 0.5</c>), reads the system clock rather than a <see cref="TimeProvider"/>, and cannot admit exactly
/// <c>capacity</c> then the rate from an arbitrary instant. Leases are two shared instances: no allocation per request.
/// </remarks>
public sealed class BucketLimiter : RateLimiter
{
    private readonly TokenBucket _bucket;
    private readonly TimeProvider _time;
    private readonly long _origin;

    public BucketLimiter(double maxRate, TimeSpan every, long capacity, TimeProvider time)
    {
        _bucket = new TokenBucket(BucketRate.For(maxRate, every, capacity, time.TimestampFrequency));
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <inheritdoc/>
    /// <remarks>Never idle: the limiter lives as long as its endpoint or backend, and tracking idleness would cost a write per request.</remarks>
    public override TimeSpan? IdleDuration => null;

    /// <summary>Takes one token now; false when the bucket is empty.</summary>
    public bool TryTake() => _bucket.TryTake(_time.GetTimestamp() - _origin);

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        permitCount switch
        {
            0 => Lease.Acquired,
            1 => TryTake() ? Lease.Acquired : Lease.Refused,
            _ => throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "one request takes one token"),
        };

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        // Shared instances: there is nothing to give back.
        protected override void Dispose(bool disposing)
        {
        }
    }
}

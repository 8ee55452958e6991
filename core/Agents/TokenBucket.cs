namespace Switchyard.Core.Agents;

/// <summary>
/// A token bucket that hands out reservations: <paramref name="ratePerSecond"/> tokens a second, at most
/// max(1, (int)rate) stored, full at the start (KrakenD's <c>max_rate</c> bucket). A taker that finds the bucket empty
/// still takes a token (the count goes below zero) and is told how long to wait for it, so waiting takers are served in
/// order and nobody polls. Times are offsets on one monotonic clock, chosen by the caller. Thread-safe.
/// </summary>
/// <param name="ratePerSecond">Tokens added per second; must be positive.</param>
internal sealed class TokenBucket(double ratePerSecond)
{
    private readonly Lock _gate = new();
    private readonly double _rate = ratePerSecond > 0 ? ratePerSecond : throw new ArgumentOutOfRangeException(nameof(ratePerSecond));
    private double _tokens = Math.Max(1, (int)ratePerSecond);
    private TimeSpan _last;

    /// <summary>The most tokens the bucket holds: the largest burst.</summary>
    public int Capacity { get; } = Math.Max(1, (int)ratePerSecond);

    /// <summary>Takes one token at <paramref name="now"/> and answers how long to wait before using it.</summary>
    public TimeSpan Reserve(TimeSpan now)
    {
        lock (_gate)
        {
            Refill(now);
            _tokens--;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }

    /// <summary>Gives back a reserved token that will not be used (its taker was cancelled while waiting).</summary>
    public void Return(TimeSpan now)
    {
        lock (_gate)
        {
            Refill(now);
            _tokens = Math.Min(Capacity, _tokens + 1);
        }
    }

    private void Refill(TimeSpan now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(Capacity, _tokens + ((now - _last).TotalSeconds * _rate));
            _last = now;
        }
    }
}

namespace Switchyard.Core.Agents;

/// <summary>
/// An agent's <c>max_rate</c>: one <see cref="TokenBucket"/> shared by all its workers (KrakenD creates one per agent,
/// whatever the schema says), waiting on a <see cref="TimeProvider"/>'s monotonic clock and timers.
/// </summary>
internal sealed class AgentRateLimiter
{
    private readonly TokenBucket _bucket;
    private readonly TimeProvider _time;
    private readonly long _origin;

    private AgentRateLimiter(double maxRate, TimeProvider time)
    {
        _bucket = new TokenBucket(maxRate);
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <summary>The limiter for <paramref name="maxRate"/> messages a second, or null when it is zero or less (unlimited).</summary>
    public static AgentRateLimiter? For(double maxRate, TimeProvider time) =>
        maxRate > 0 ? new AgentRateLimiter(maxRate, time) : null;

    /// <summary>Waits until one more message may start. A cancelled wait gives its token back.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var wait = _bucket.Reserve(_time.GetElapsedTime(_origin));
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _bucket.Return(_time.GetElapsedTime(_origin));
            throw;
        }
    }
}

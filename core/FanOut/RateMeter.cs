namespace Switchyard.Core.FanOut;

/// <summary>A count per second over a sliding window of whole seconds, cheap enough to bump per batch.</summary>
internal sealed class RateMeter(TimeProvider time, int seconds = 10)
{
    private readonly long[] _counts = new long[seconds];
    private readonly long[] _stamps = new long[seconds];
    private readonly Lock _lock = new();

    public void Add(long count)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(now % seconds);
        lock (_lock)
        {
            if (_stamps[slot] != now)
            {
                _stamps[slot] = now;
                _counts[slot] = 0;
            }

            _counts[slot] += count;
        }
    }

    public double PerSecond()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        long total = 0;
        lock (_lock)
        {
            for (var slot = 0; slot < seconds; slot++)
            {
                if (now - _stamps[slot] < seconds)
                {
                    total += _counts[slot];
                }
            }
        }

        return (double)total / seconds;
    }
}

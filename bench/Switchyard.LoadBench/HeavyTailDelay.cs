namespace Switchyard.LoadBench;

/// <summary>
/// The latency of the heavy-tail backend's <c>/slow</c>: 90% 5 ms, 9% 50 ms, 1% 500 ms, drawn from a seeded
/// <see cref="Random"/> so runs are comparable. <see cref="Random"/> is not thread-safe, hence the lock.
/// </summary>
internal sealed class HeavyTailDelay(int seed)
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Stalled = TimeSpan.FromMilliseconds(500);

    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public TimeSpan Next()
    {
        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        return draw < 0.90 ? Fast : draw < 0.99 ? Slow : Stalled;
    }
}

namespace Switchyard.LoadBench;

/// <summary>
/// The latency of the heavy-tail backend's <c>/slow</c>: 90% 5 ms, 9% 50 ms, 1% 500 ms, drawn from a seeded
/// <see cref="Random"/> so runs are comparable. <see cref="Random"/> is not thread-safe, hence the lock.
/// </summary>
internal sealed class HeavyTailDelay(int seed, PreciseDelay clock)
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Stalled = TimeSpan.FromMilliseconds(500);

    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    /// <summary>Waits one drawn latency (a cancelled race loser stops waiting).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => clock.WaitAsync(Next(), cancellationToken);

    private TimeSpan Next()
    {
        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        return draw < 0.90 ? Fast : draw < 0.99 ? Slow : Stalled;
    }
}

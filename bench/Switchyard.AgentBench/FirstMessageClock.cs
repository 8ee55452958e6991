using System.Diagnostics;

namespace Switchyard.AgentBench;

/// <summary>
/// Times a drain from the first message a consumer takes, so connecting (the agent waits its backoff's first delay,
/// 1 s by default, before connecting) is not counted as consuming.
/// </summary>
internal sealed class FirstMessageClock
{
    private long _started;

    /// <summary>Starts the clock on the first call; later calls change nothing.</summary>
    public void MessageTaken()
    {
        if (Volatile.Read(ref _started) == 0)
        {
            Interlocked.CompareExchange(ref _started, Stopwatch.GetTimestamp(), 0);
        }
    }

    /// <summary>The time since the first message was taken.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _started));
}

using System.Diagnostics;

namespace Switchyard.LoadBench;

/// <summary>
/// Delays that end when they should. .NET's timers tick on a coarse clock: on this machine <c>Task.Delay</c> of 5 ms
/// ends after 8.5 ms (p90 11.8 ms), which would shift the heavy-tail distribution the experiment is about, while a
/// thread's timed wait is precise (5.2 ms). So one thread waits until the earliest deadline and completes it.
/// </summary>
internal sealed class PreciseDelay : IDisposable
{
    private readonly PriorityQueue<TaskCompletionSource, long> _due = new();
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _changed = new();
    private readonly Thread _thread;
    private volatile bool _stopped;

    public PreciseDelay()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "precise delay" };
        _thread.Start();
    }

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var due = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            _due.Enqueue(done, due);
        }

        _changed.Set();
        return done.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopped = true;
        _changed.Set();
        _thread.Join();
        _changed.Dispose();
    }

    private void Run()
    {
        while (!_stopped)
        {
            var wait = Timeout.Infinite;
            lock (_gate)
            {
                // Reset before looking: a deadline added after this look sets the event again.
                _changed.Reset();
                while (_due.TryPeek(out var done, out var due))
                {
                    var remaining = due - Stopwatch.GetTimestamp();
                    if (remaining > 0)
                    {
                        // Whole milliseconds, rounded up: at most 1 ms late, never early.
                        wait = (int)Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency);
                        break;
                    }

                    _due.Dequeue();
                    done.SetResult();
                }
            }

            _changed.Wait(wait);
        }
    }
}

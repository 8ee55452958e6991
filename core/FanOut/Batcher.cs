namespace Switchyard.Core.FanOut;

/// <summary>
/// Accumulates delivered messages and cuts a batch when any limit is reached: the event count, the real payload size
/// (the sum of the message bodies, not the size of a container as Leek measured it, which never fired), or the time
/// window since the batch's first message. The window runs on a timer, so a batch left by the last message of a burst
/// is sent on time even when nothing else arrives (Leek only looked at the clock when a message came).
/// </summary>
/// <remarks>
/// The count is of events, not messages: it bounds the array the API receives, and since a message holds at least one
/// event a batch never needs more messages than the prefetch lets through. <paramref name="flush"/> is called outside
/// the batcher's lock, from the adding thread or the timer's.
/// </remarks>
internal sealed class Batcher : IDisposable
{
    private readonly int _maxEvents;
    private readonly long _maxBytes;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Action<EventBatch> _flush;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private List<BatchEntry> _entries = [];
    private int _events;
    private long _bytes;
    private DateTimeOffset _startedAt;
    private bool _disposed;

    public Batcher(int maxEvents, long maxBytes, TimeSpan window, TimeProvider time, Action<EventBatch> flush)
    {
        _maxEvents = maxEvents;
        _maxBytes = maxBytes;
        _window = window;
        _time = time;
        _flush = flush;
        _timer = time.CreateTimer(_ => OnWindow(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The batcher of <paramref name="subscription"/>'s count, size and window limits.</summary>
    public static Batcher For(Subscription subscription, TimeProvider time, Action<EventBatch> flush) => new(
        subscription.BatchMaxNumberOfMessages,
        subscription.BatchMaxBytes,
        TimeSpan.FromSeconds(subscription.BatchMaxWindowInSeconds),
        time,
        flush);

    /// <summary>The events waiting in the current batch.</summary>
    public int PendingEvents
    {
        get
        {
            lock (_lock)
            {
                return _events;
            }
        }
    }

    /// <summary>The payload bytes waiting in the current batch.</summary>
    public long PendingBytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public void Add(BatchEntry entry)
    {
        EventBatch? full;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entries.Count == 0)
            {
                _startedAt = _time.GetUtcNow();
                _timer.Change(_window, Timeout.InfiniteTimeSpan);
            }

            _entries.Add(entry);
            _events += entry.Events.Count;
            _bytes += entry.Bytes;
            full = _events >= _maxEvents ? Cut(FlushReason.Count)
                : _bytes >= _maxBytes ? Cut(FlushReason.Size)
                : null;
        }

        if (full is not null)
        {
            _flush(full);
        }
    }

    /// <summary>Cuts whatever is waiting (when stopping); null when nothing is.</summary>
    public EventBatch? Drain()
    {
        lock (_lock)
        {
            return _entries.Count == 0 ? null : Cut(FlushReason.Stop);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void OnWindow()
    {
        EventBatch? due;
        lock (_lock)
        {
            if (_disposed || _entries.Count == 0)
            {
                return;
            }

            // A timer armed for an earlier batch that was cut by count or size may fire early for this one.
            var remaining = _startedAt + _window - _time.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                _timer.Change(remaining, Timeout.InfiniteTimeSpan);
                return;
            }

            due = Cut(FlushReason.Window);
        }

        _flush(due);
    }

    private EventBatch Cut(FlushReason reason)
    {
        var batch = new EventBatch(_entries, reason);
        _entries = [];
        _events = 0;
        _bytes = 0;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return batch;
    }
}

using Switchyard.Core.Telemetry.Metrics;

namespace Switchyard.Core.FanOut;

/// <summary>A runner's counters and last events, shared by its successive connections, and its metrics.</summary>
internal sealed class FanOutMeter(TimeProvider time, string subscription)
{
    private readonly FanOutMetrics _metrics = new(subscription);
    private readonly RateMeter _rate = new(time);
    private readonly Lock _lock = new();
    private long _received;
    private long _delivered;
    private long _deadLettered;
    private long _expired;
    private long _retries;
    private int _inFlight;
    private DateTimeOffset? _lastFlushAt;
    private FlushReason? _lastFlushReason;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private string? _lastDeadLetterReason;
    private DateTimeOffset? _disconnectedAt;
    private int _gaps;
    private TimeSpan _gapTime;

    public void Received(int events, int expired)
    {
        Interlocked.Add(ref _received, events + expired);
        Interlocked.Add(ref _expired, expired);
        _metrics.EventsReceived(events, expired);
    }

    public void DeadLettered(string reason)
    {
        Interlocked.Increment(ref _deadLettered);
        _metrics.DeadLettered();
        lock (_lock)
        {
            _lastDeadLetterReason = reason;
        }
    }

    public void BatchCut()
    {
        Interlocked.Increment(ref _inFlight);
        _metrics.BatchCut();
    }

    /// <summary>A batch left the runner: accepted, or abandoned to the broker's redelivery.</summary>
    public void BatchDone()
    {
        Interlocked.Decrement(ref _inFlight);
        _metrics.BatchDone();
    }

    public void Delivered(EventBatch batch)
    {
        Interlocked.Add(ref _delivered, batch.EventCount);
        _metrics.Delivered(batch.EventCount);
        _rate.Add(batch.EventCount);
        lock (_lock)
        {
            _lastFlushAt = time.GetUtcNow();
            _lastFlushReason = batch.Reason;
        }
    }

    public void Retried(string error)
    {
        Interlocked.Increment(ref _retries);
        _metrics.Retried();
        Error(error);
    }

    /// <summary>A connection opened; when an earlier one was lost, the time between them is one reconnect gap.</summary>
    public void Connected(DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_disconnectedAt is { } lost)
            {
                _gaps++;
                _gapTime += at - lost;
                _disconnectedAt = null;
            }
        }
    }

    /// <summary>The connection was lost: a reconnect gap starts.</summary>
    public void Disconnected(DateTimeOffset at)
    {
        lock (_lock)
        {
            _disconnectedAt ??= at;
        }
    }

    /// <summary>The runner stopped: a gap in progress ends uncounted, a stop is not an outage.</summary>
    public void Stopped()
    {
        lock (_lock)
        {
            _disconnectedAt = null;
        }
    }

    public void Error(string error)
    {
        lock (_lock)
        {
            _lastError = error;
            _lastErrorAt = time.GetUtcNow();
        }
    }

    public FanOutStatus Snapshot(string name, FanOutState state, Batcher? batcher, Subscription subscription)
    {
        var events = batcher?.PendingEvents ?? 0;
        var bytes = batcher?.PendingBytes ?? 0;
        lock (_lock)
        {
            return new FanOutStatus
            {
                Name = name,
                State = state,
                BatchEvents = events,
                BatchBytes = bytes,
                BatchFill = Math.Min(1, Math.Max((double)events / subscription.BatchMaxNumberOfMessages, (double)bytes / subscription.BatchMaxBytes)),
                BatchesInFlight = Volatile.Read(ref _inFlight),
                LastFlushAt = _lastFlushAt,
                LastFlushReason = _lastFlushReason,
                LastError = _lastError,
                LastErrorAt = _lastErrorAt,
                LastDeadLetterReason = _lastDeadLetterReason,
                EventsPerSecond = _rate.PerSecond(),
                Received = Interlocked.Read(ref _received),
                Delivered = Interlocked.Read(ref _delivered),
                DeadLettered = Interlocked.Read(ref _deadLettered),
                Expired = Interlocked.Read(ref _expired),
                Retries = Interlocked.Read(ref _retries),
                Delivery = subscription.Transport == BrokerTransport.Redis ? FanOutDelivery.AtMostOnce : FanOutDelivery.AtLeastOnce,
                ReconnectGaps = _gaps,
                ReconnectGapTime = _gapTime,
                DisconnectedSince = _disconnectedAt,
            };
        }
    }
}

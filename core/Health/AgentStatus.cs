namespace Switchyard.Core.Health;

/// <summary>
/// What one async agent is doing, updated by its runner from any thread and read as an
/// <see cref="AgentStatusSnapshot"/> for the health endpoint's <c>status</c> object.
/// </summary>
public sealed class AgentStatus(TimeProvider timeProvider)
{
    private readonly Lock _errorGate = new();
    private int _connected;
    private int _inFlight;
    private long _processed;
    private long _failed;
    private long _deadLettered;
    private long _reconnects;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private int _durable;
    private long _flowsStarted;
    private long _flowsCompleted;
    private long _flowsFailed;

    /// <summary>A copy of the current values.</summary>
    public AgentStatusSnapshot Snapshot()
    {
        string? lastError;
        DateTimeOffset? lastErrorAt;
        lock (_errorGate)
        {
            (lastError, lastErrorAt) = (_lastError, _lastErrorAt);
        }

        return new AgentStatusSnapshot
        {
            Connected = Volatile.Read(ref _connected) == 1,
            InFlight = Volatile.Read(ref _inFlight),
            Processed = Interlocked.Read(ref _processed),
            Failed = Interlocked.Read(ref _failed),
            DeadLettered = Interlocked.Read(ref _deadLettered),
            Reconnects = Interlocked.Read(ref _reconnects),
            LastError = lastError,
            LastErrorAt = lastErrorAt,
            Flows = Volatile.Read(ref _durable) == 1 ? Flows() : null,
        };
    }

    internal void Durable() => Volatile.Write(ref _durable, 1);

    internal void FlowStarted() => Interlocked.Increment(ref _flowsStarted);

    internal void FlowEnded(bool succeeded) => Interlocked.Increment(ref succeeded ? ref _flowsCompleted : ref _flowsFailed);

    private FlowCounts Flows()
    {
        var (started, completed, failed) = (Interlocked.Read(ref _flowsStarted), Interlocked.Read(ref _flowsCompleted), Interlocked.Read(ref _flowsFailed));
        return new FlowCounts(started, Math.Max(0, started - completed - failed), completed, failed);
    }

    internal void SetConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    internal void Reconnected() => Interlocked.Increment(ref _reconnects);

    internal void MessageStarted() => Interlocked.Increment(ref _inFlight);

    internal void MessageEnded() => Interlocked.Decrement(ref _inFlight);

    internal void Processed() => Interlocked.Increment(ref _processed);

    internal void Failed(string error)
    {
        Interlocked.Increment(ref _failed);
        Error(error);
    }

    internal void DeadLettered(string reason)
    {
        Interlocked.Increment(ref _deadLettered);
        Error(reason);
    }

    internal void Error(string error)
    {
        lock (_errorGate)
        {
            _lastError = error;
            _lastErrorAt = timeProvider.GetUtcNow();
        }
    }
}

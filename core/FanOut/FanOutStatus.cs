namespace Switchyard.Core.FanOut;

/// <summary>A snapshot of one subscription's runner, for the status API and the control page.</summary>
public sealed record FanOutStatus
{
    /// <summary>The subscription's name (<c>app_name-app_env</c>).</summary>
    public required string Name { get; init; }

    public required FanOutState State { get; init; }

    /// <summary>True while consuming.</summary>
    public bool Connected => State == FanOutState.Connected;

    /// <summary>Events waiting in the batch being filled.</summary>
    public int BatchEvents { get; init; }

    /// <summary>Payload bytes waiting in the batch being filled.</summary>
    public long BatchBytes { get; init; }

    /// <summary>How full the batch being filled is, 0–1: the larger of its count and size shares.</summary>
    public double BatchFill { get; init; }

    /// <summary>Batches cut and not yet accepted by the API (queued or being posted).</summary>
    public int BatchesInFlight { get; init; }

    public DateTimeOffset? LastFlushAt { get; init; }

    public FlushReason? LastFlushReason { get; init; }

    /// <summary>The last connection or delivery error, never holding a password.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Why the last payload was dead-lettered.</summary>
    public string? LastDeadLetterReason { get; init; }

    /// <summary>Events the API accepted per second, over the last ten seconds.</summary>
    public double EventsPerSecond { get; init; }

    /// <summary>Events taken from the broker.</summary>
    public long Received { get; init; }

    /// <summary>Events the API accepted.</summary>
    public long Delivered { get; init; }

    /// <summary>Payloads moved to the dead-letter queue.</summary>
    public long DeadLettered { get; init; }

    /// <summary>Events dropped as older than the TTL.</summary>
    public long Expired { get; init; }

    /// <summary>Posts that failed and were retried.</summary>
    public long Retries { get; init; }

    /// <summary>What the broker promises: redelivery after a loss (AMQP) or none (Redis publish/subscribe).</summary>
    public FanOutDelivery Delivery { get; init; }

    /// <summary>Connections lost and opened again: on a Redis broker, the events published in each gap were lost.</summary>
    public int ReconnectGaps { get; init; }

    /// <summary>The time between every lost connection and the next one, summed.</summary>
    public TimeSpan ReconnectGapTime { get; init; }

    /// <summary>When the connection was lost, while reconnecting; null when connected or stopped.</summary>
    public DateTimeOffset? DisconnectedSince { get; init; }
}

namespace Switchyard.Core.Health;

/// <summary>One agent's status at one instant (see <see cref="AgentStatus"/>).</summary>
public sealed record AgentStatusSnapshot
{
    /// <summary>True while the agent holds a working connection to its broker.</summary>
    public bool Connected { get; init; }

    /// <summary>Messages going through the pipe right now.</summary>
    public int InFlight { get; init; }

    /// <summary>Messages processed with success and acknowledged.</summary>
    public long Processed { get; init; }

    /// <summary>Deliveries whose pipe failed (each one counts, including those then dead-lettered).</summary>
    public long Failed { get; init; }

    /// <summary>Messages moved to the dead-letter queue (too many deliveries, oversized).</summary>
    public long DeadLettered { get; init; }

    /// <summary>Connections made after the first one: how many times the agent came back from a lost or refused connection.</summary>
    public long Reconnects { get; init; }

    /// <summary>The last failure: a pipe error, a dead-letter reason, a connection error; null if none yet.</summary>
    public string? LastError { get; init; }

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The durable flows a durable agent started; null for an agent that is not durable.</summary>
    public FlowCounts? Flows { get; init; }
}

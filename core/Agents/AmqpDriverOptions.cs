namespace Switchyard.Core.Agents;

/// <summary>The <c>async/amqp</c> namespace of an agent (all flags default to false, counts to 0).</summary>
public sealed record AmqpDriverOptions
{
    /// <summary>The AMQP URL (<c>amqp://guest:guest@localhost:5672</c>). Required.</summary>
    public string Host { get; init; } = "";

    /// <summary>The queue name. Required.</summary>
    public string Name { get; init; } = "";

    /// <summary>The topic exchange the queue is bound to. Required.</summary>
    public string Exchange { get; init; } = "";

    public bool Durable { get; init; }

    public bool Delete { get; init; }

    public bool Exclusive { get; init; }

    public bool NoWait { get; init; }

    /// <summary>The broker forgets a message as soon as it is delivered: neither ack nor nack is sent.</summary>
    public bool AutoAck { get; init; }

    public bool NoLocal { get; init; }

    /// <summary>A failed message is discarded (nack without requeue) instead of requeued.</summary>
    public bool NackDiscard { get; init; }

    public int PrefetchCount { get; init; }

    public int PrefetchSize { get; init; }
}

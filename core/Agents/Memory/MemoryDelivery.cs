namespace Switchyard.Core.Agents.Memory;

/// <summary>One delivery of a message to a <see cref="MemoryConsumer"/>, and the way to settle it exactly once.</summary>
internal sealed class MemoryDelivery(MemoryConsumer consumer, MemoryEnvelope envelope) : IMessageSettlement
{
    public MemoryEnvelope Envelope { get; } = envelope;

    public AgentMessage ToMessage() => new()
    {
        Id = Envelope.Id,
        RoutingKey = Envelope.RoutingKey,
        ContentType = Envelope.ContentType,
        Headers = Envelope.Headers,
        Body = Envelope.Body,
        DeliveryCount = Envelope.Deliveries + 1,
        Settlement = this,
    };

    public ValueTask AckAsync()
    {
        Complete(consumer.Queue.Forget);
        return ValueTask.CompletedTask;
    }

    public ValueTask NackAsync(bool requeue)
    {
        Complete(requeue ? () => consumer.Queue.Requeue(Envelope) : consumer.Queue.Forget);
        return ValueTask.CompletedTask;
    }

    public ValueTask DeadLetterAsync(string reason)
    {
        Complete(() => MoveToDeadQueue(reason));
        return ValueTask.CompletedTask;
    }

    private void MoveToDeadQueue(string reason)
    {
        var headers = new Dictionary<string, string>(Envelope.Headers, StringComparer.Ordinal)
        {
            [DeadLetterHeaders.Reason] = reason,
            [DeadLetterHeaders.Deliveries] = (Envelope.Deliveries + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var deadQueue = consumer.Broker.DeclareQueue(consumer.Queue.Name + DeadLetterHeaders.QueueSuffix);
        deadQueue.Enqueue(Envelope with { Headers = headers, Deliveries = 0 });
        consumer.Queue.Forget();
    }

    // As on an AMQP channel, settling twice or after the consumer closed is an error: by then the message is back in
    // the queue (or settled) and this delivery has no say any more.
    private void Complete(Action settle)
    {
        if (!consumer.TryComplete(this, settle))
        {
            throw new InvalidOperationException($"The message '{Envelope.Id}' is already settled or its consumer is closed (an unsettled message goes back to its queue).");
        }
    }
}

using RabbitMQ.Client;

namespace Switchyard.Core.Agents.Amqp;

/// <summary>
/// Settles one AMQP delivery, once. Acks and nacks go to the channel the message came on (delivery tags belong to
/// it); copies (counted requeues, dead letters) go through the side channel and are confirmed by the broker before
/// the original is acked, so a message is never acked without its copy being safe.
/// </summary>
internal sealed class AmqpSettlement(
    IChannel channel,
    AmqpSideChannel sideChannel,
    AmqpSettlementPolicy policy,
    ulong deliveryTag,
    IReadOnlyBasicProperties properties,
    ReadOnlyMemory<byte> body,
    string routingKey,
    int deliveryCount) : IMessageSettlement
{
    private int _settled;

    /// <summary>True once the message was acked, nacked or dead-lettered.</summary>
    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    public async ValueTask AckAsync()
    {
        MarkSettled();
        if (!policy.AutoAck)
        {
            await channel.BasicAckAsync(deliveryTag, multiple: false).ConfigureAwait(false);
        }
    }

    public async ValueTask NackAsync(bool requeue)
    {
        MarkSettled();
        if (policy.AutoAck)
        {
            return;
        }

        requeue &= !policy.NackDiscard;
        if (requeue && policy.MaxDeliveries > 0)
        {
            // A classic queue's requeue loses the count max_deliveries needs: put a counted copy at the queue's tail.
            await PublishCopyAsync(policy.Queue, CopyProperties(persistent: false), declareDurable: false).ConfigureAwait(false);
            await channel.BasicAckAsync(deliveryTag, multiple: false).ConfigureAwait(false);
            return;
        }

        await channel.BasicNackAsync(deliveryTag, multiple: false, requeue).ConfigureAwait(false);
    }

    public async ValueTask DeadLetterAsync(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        MarkSettled();
        var copy = CopyProperties(persistent: true);
        copy.Headers![SwitchyardHeaders.Reason] = reason;
        await PublishCopyAsync(policy.DeadLetterQueue, copy, declareDurable: true).ConfigureAwait(false);
        if (!policy.AutoAck)
        {
            await channel.BasicAckAsync(deliveryTag, multiple: false).ConfigureAwait(false);
        }
    }

    private void MarkSettled()
    {
        // A second ack or nack of a delivery tag is a channel error that would stop the whole agent.
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            throw new InvalidOperationException("This message was already settled.");
        }
    }

    private async ValueTask PublishCopyAsync(string queue, BasicProperties copy, bool declareDurable)
    {
        try
        {
            await sideChannel.PublishToQueueAsync(queue, copy, body, declareDurable, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            // The original is still unsettled and safe in the queue: the caller may settle it another way.
            Volatile.Write(ref _settled, 0);
            throw;
        }
    }

    /// <summary>The original properties and headers, with the count and routing key the copy must carry.</summary>
    private BasicProperties CopyProperties(bool persistent)
    {
        var copy = new BasicProperties(properties);
        var headers = properties.Headers is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(properties.Headers, StringComparer.Ordinal);

        // The copy is a new message for a quorum queue: its own count starts again, ours carries the total.
        headers.Remove(SwitchyardHeaders.QuorumDeliveryCount);
        headers[SwitchyardHeaders.Deliveries] = deliveryCount;
        headers[SwitchyardHeaders.RoutingKey] = routingKey;
        copy.Headers = headers;
        if (persistent)
        {
            copy.DeliveryMode = DeliveryModes.Persistent;
        }

        return copy;
    }
}

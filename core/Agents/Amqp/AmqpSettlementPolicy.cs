namespace Switchyard.Core.Agents.Amqp;

/// <summary>What every settlement of one agent's deliveries needs to know about its configuration.</summary>
/// <param name="Queue">The consumed queue; dead letters go to <c>&lt;queue&gt;.dead</c>.</param>
/// <param name="AutoAck">The broker already forgot each message on delivery: acks and nacks are not sent.</param>
/// <param name="NackDiscard">A nack never requeues (<c>nack_discard</c>).</param>
/// <param name="MaxDeliveries">When above zero, a requeue becomes a counted republish (see <see cref="AmqpMessageSource"/>).</param>
internal sealed record AmqpSettlementPolicy(string Queue, bool AutoAck, bool NackDiscard, int MaxDeliveries)
{
    public string DeadLetterQueue { get; } = Queue + DeadLetterHeaders.QueueSuffix;
}

namespace Switchyard.Core.Agents.Amqp;

/// <summary>
/// How many times a message has been delivered, this delivery included. Classic queues keep no count, so it is put
/// together from what a delivery carries: <see cref="SwitchyardHeaders.Deliveries"/> (deliveries of the earlier
/// copies Switchyard republished), then for this copy either the quorum queues' <c>x-delivery-count</c> or, on a
/// classic queue, the redelivered flag (a lower bound: it only says "at least once before").
/// </summary>
internal static class AmqpDeliveryCount
{
    public static int Of(IDictionary<string, object?>? headers, bool redelivered)
    {
        var earlierCopies = 0;
        int? thisCopyBefore = null;
        if (headers is not null)
        {
            if (headers.TryGetValue(SwitchyardHeaders.Deliveries, out var deliveries))
            {
                earlierCopies = AmqpHeaderValues.ToCount(deliveries);
            }

            if (headers.TryGetValue(SwitchyardHeaders.QuorumDeliveryCount, out var quorumCount))
            {
                thisCopyBefore = AmqpHeaderValues.ToCount(quorumCount);
            }
        }

        var before = (long)earlierCopies + (thisCopyBefore ?? (redelivered ? 1 : 0));
        return (int)Math.Min(before + 1, int.MaxValue);
    }
}

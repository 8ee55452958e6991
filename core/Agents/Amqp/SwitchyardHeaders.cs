namespace Switchyard.Core.Agents.Amqp;

/// <summary>The AMQP headers Switchyard writes on the copies of a message it republishes.</summary>
internal static class SwitchyardHeaders
{
    /// <summary>Deliveries already made of the message (its earlier copies included), as an integer.</summary>
    public const string Deliveries = DeadLetterHeaders.Deliveries;

    /// <summary>Why a message was dead-lettered.</summary>
    public const string Reason = DeadLetterHeaders.Reason;

    /// <summary>
    /// The routing key the message was first published with: a copy goes straight to the queue through the default
    /// exchange, which replaces the routing key with the queue's name.
    /// </summary>
    public const string RoutingKey = "x-switchyard-routing-key";

    /// <summary>The count quorum queues keep themselves: deliveries of this copy before the current one.</summary>
    public const string QuorumDeliveryCount = "x-delivery-count";
}

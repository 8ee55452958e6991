namespace Switchyard.Core.FanOut;

/// <summary>What happens to the events a broker publishes while a subscription is disconnected.</summary>
public enum FanOutDelivery
{
    /// <summary>They wait in the subscription's durable queue and arrive after the reconnection (AMQP); an event may arrive twice.</summary>
    AtLeastOnce,

    /// <summary>They are lost (Redis publish/subscribe has no acknowledgement and no redelivery); none arrives twice.</summary>
    AtMostOnce,
}

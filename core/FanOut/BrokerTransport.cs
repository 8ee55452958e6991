namespace Switchyard.Core.FanOut;

/// <summary>How a subscription reaches its broker, chosen by the broker URL's scheme.</summary>
public enum BrokerTransport
{
    /// <summary><c>amqp://</c> and <c>amqps://</c>: a durable queue bound to the event exchange, acked once posted (at least once).</summary>
    Amqp,

    /// <summary><c>redis://</c> and <c>rediss://</c>: publish/subscribe on kombu's fanout channels, no acknowledgement (at most once).</summary>
    Redis,
}

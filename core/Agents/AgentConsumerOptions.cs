namespace Switchyard.Core.Agents;

/// <summary>The <c>consumer</c> object of an agent.</summary>
public sealed record AgentConsumerOptions
{
    /// <summary>The routing key (topic pattern: <c>*</c> one word, <c>#</c> zero or more) bound to the queue. Required.</summary>
    public string Topic { get; init; } = "";

    /// <summary>Messages handled at once. <value>The default value is 1.</value></summary>
    public int Workers { get; init; } = 1;

    /// <summary>The time one message may take through the pipe. <value>The default value is the service timeout.</value></summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages per second for the whole agent (one token bucket); zero or less is unlimited. <value>The default value is 0.</value></summary>
    public double MaxRate { get; init; }

    /// <summary>
    /// Deliveries of one message before it is dead-lettered with its reason; zero keeps KrakenD's behaviour
    /// (requeue forever). <value>The default value is 0, and 5 for <c>async/azure-queue</c> (the Functions host's <c>maxDequeueCount</c>).</value>
    /// </summary>
    public int MaxDeliveries { get; init; }
}

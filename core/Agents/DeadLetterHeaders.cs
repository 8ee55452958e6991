namespace Switchyard.Core.Agents;

/// <summary>
/// What every driver writes on a message it moves aside, so a dead letter reads the same from RabbitMQ and from the
/// embedded broker: the headers it carries and the queue it lands in.
/// </summary>
public static class DeadLetterHeaders
{
    /// <summary>Why it was dead-lettered (the pipe's error text, <c>oversized message</c>...).</summary>
    public const string Reason = "x-switchyard-reason";

    /// <summary>How many times it had been delivered when it was dead-lettered.</summary>
    public const string Deliveries = "x-switchyard-deliveries";

    /// <summary>The suffix of the queue dead-lettered messages go to.</summary>
    public const string QueueSuffix = ".dead";
}

using Switchyard.Core.Agents;

namespace Switchyard.Functions.Serverless;

/// <summary>How the agent settled an invoked message.</summary>
internal enum SettlementOutcome
{
    /// <summary>Not settled (the invocation was abandoned before the agent got to it).</summary>
    None,

    /// <summary>Processed: the invocation succeeds, and the host completes the message.</summary>
    Acked,

    /// <summary>Not processed: the invocation fails, and the host delivers the message again.</summary>
    Nacked,

    /// <summary>
    /// The message reached <c>max_deliveries</c> (or is oversized): the invocation fails too, since only the host can
    /// move a message aside; its own limit (the queue's <c>maxDeliveryCount</c>, <c>maxDequeueCount</c>) does it.
    /// </summary>
    DeadLettered,
}

/// <summary>
/// The settlement of a message that came from the Functions host: a custom handler cannot settle a message with the
/// broker, so the outcome is only recorded, and the invocation's status code tells the host.
/// </summary>
internal sealed class RecordedSettlement : IMessageSettlement
{
    public SettlementOutcome Outcome { get; private set; }

    /// <summary>The dead-letter reason, when <see cref="Outcome"/> is <see cref="SettlementOutcome.DeadLettered"/>.</summary>
    public string? Reason { get; private set; }

    public ValueTask AckAsync()
    {
        Outcome = SettlementOutcome.Acked;
        return ValueTask.CompletedTask;
    }

    public ValueTask NackAsync(bool requeue)
    {
        Outcome = SettlementOutcome.Nacked;
        return ValueTask.CompletedTask;
    }

    public ValueTask DeadLetterAsync(string reason)
    {
        (Outcome, Reason) = (SettlementOutcome.DeadLettered, reason);
        return ValueTask.CompletedTask;
    }
}

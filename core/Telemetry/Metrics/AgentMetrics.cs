using System.Diagnostics;
using System.Diagnostics.Metrics;
using Switchyard.Core.Agents;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// An async agent's messages in metrics, for every driver: <c>switchyard.agent.messages</c> counts each delivery by its
/// <c>switchyard.agent.outcome</c> (<c>succeeded</c>: acknowledged; <c>failed</c>: sent back or discarded;
/// <c>dead_lettered</c>), <c>switchyard.agent.messages.in_flight</c> the messages in the agent's pipe now, and
/// <c>switchyard.agent.message.duration</c> how long the pipe took, by outcome. Each carries the agent's
/// <c>switchyard.agent.name</c> and <c>switchyard.agent.driver</c> (<c>amqp</c>, <c>memory</c>, <c>servicebus</c>,
/// <c>azure-queue</c>); never a message's id, routing key or body. A delivery interrupted by a lost connection or a
/// shutdown goes back to its queue uncounted: it was not processed.
/// </summary>
internal sealed class AgentMetrics
{
    /// <summary>The outcome of a delivery the broker acknowledged.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The outcome of a delivery sent back to the queue or discarded.</summary>
    public const string Failed = "failed";

    /// <summary>The outcome of a delivery moved to the dead letters.</summary>
    public const string DeadLettered = "dead_lettered";

    private static readonly Counter<long> Messages = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.agent.messages", "{message}", "Messages an agent settled, by outcome.");

    private static readonly UpDownCounter<long> InFlight = GatewayMetrics.Meter.CreateUpDownCounter<long>(
        "switchyard.agent.messages.in_flight", "{message}", "Messages in an agent's pipe now.");

    private static readonly Histogram<double> Duration = GatewayMetrics.Meter.CreateHistogram(
        "switchyard.agent.message.duration", "s", "How long an agent's pipe took with a message.", tags: null, DurationBuckets.Advice);

    private readonly KeyValuePair<string, object?>[] _tags;

    /// <summary>The metrics of <paramref name="agent"/>.</summary>
    public AgentMetrics(AsyncAgentConfig agent) =>
        _tags = [new("switchyard.agent.name", agent.Name), new("switchyard.agent.driver", DriverOf(agent))];

    /// <summary>A message enters the pipe; what <see cref="LeftPipe"/> and <see cref="Settled"/> are given back.</summary>
    public AgentMessageTiming EnteredPipe()
    {
        var counted = InFlight.Enabled;
        if (counted)
        {
            InFlight.Add(1, _tags.AsSpan());
        }

        return new AgentMessageTiming(Duration.Enabled ? Stopwatch.GetTimestamp() : 0, counted);
    }

    /// <summary>The message of <paramref name="timing"/> left the pipe.</summary>
    public void LeftPipe(AgentMessageTiming timing)
    {
        // Only what was counted in: a listener that came meanwhile must not see the agent go below zero.
        if (timing.CountedInFlight)
        {
            InFlight.Add(-1, _tags.AsSpan());
        }
    }

    /// <summary>
    /// A delivery settled with <paramref name="outcome"/>; <paramref name="timing"/> is its run through the pipe, or
    /// default for a message that never entered it (too large).
    /// </summary>
    public void Settled(string outcome, AgentMessageTiming timing = default)
    {
        if (Messages.Enabled)
        {
            Messages.Add(1, new TagList(_tags.AsSpan()) { { "switchyard.agent.outcome", outcome } });
        }

        if (timing.Started != 0 && Duration.Enabled)
        {
            Duration.Record(Stopwatch.GetElapsedTime(timing.Started).TotalSeconds, new TagList(_tags.AsSpan()) { { "switchyard.agent.outcome", outcome } });
        }
    }

    private static string DriverOf(AsyncAgentConfig agent) => agent switch
    {
        { ServiceBus: not null } => "servicebus",
        { AzureQueue: not null } => "azure-queue",
        { Memory: not null } => "memory",
        _ => "amqp",
    };
}

using System.Diagnostics;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Agents;

/// <summary>
/// The span of one delivered message (<c>process &lt;queue&gt;</c>, kind Consumer, the messaging attributes of the
/// semantic conventions), parent of the agent pipe's span. It continues the producer's trace when the message carries
/// a W3C <c>traceparent</c> (an AMQP header, a Service Bus application property, or the <c>Diagnostic-Id</c> the Azure
/// SDK writes there); otherwise it is a child of whatever is current (the Functions host's invocation) or a new trace.
/// Storage queue messages have no headers, so their traces start at the agent.
/// </summary>
internal static class AgentMessageSpan
{
    // The Azure SDK's name for the same W3C value on Service Bus messages.
    private const string DiagnosticIdHeader = "Diagnostic-Id";

    /// <summary>Starts the span of <paramref name="message"/>, or null when nobody records it.</summary>
    public static Activity? Start(AsyncAgentConfig agent, AgentMessage message)
    {
        if (!GatewayTracing.Source.HasListeners())
        {
            return null;
        }

        var (system, destination) = DestinationOf(agent);
        var span = GatewayTracing.Source.StartActivity(
            "process " + destination, ActivityKind.Consumer, ProducerContext(message.Headers));
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(SpanAttributes.MessagingSystem, system);
            span.SetTag(SpanAttributes.MessagingDestination, destination);
            span.SetTag(SpanAttributes.MessagingMessageId, message.Id);
            span.SetTag(SpanAttributes.MessagingOperationType, "process");
            span.SetTag(SpanAttributes.MessagingDeliveryCount, message.DeliveryCount);
            span.SetTag(SpanAttributes.Agent, agent.Name);
        }

        return span;
    }

    /// <summary>The messaging system and the queue (or topic) of the agent's driver.</summary>
    public static (string System, string Destination) DestinationOf(AsyncAgentConfig agent) => agent switch
    {
        { Amqp: { } amqp } => ("rabbitmq", amqp.Name),
        { ServiceBus: { } serviceBus } => ("servicebus", serviceBus.Queue ?? serviceBus.Topic ?? ""),
        { AzureQueue: { } queue } => ("azure_queue", queue.Queue),
        { Memory: { Name: { Length: > 0 } queue } } => ("memory", queue),
        _ => ("memory", agent.Name),
    };

    private static ActivityContext ProducerContext(IReadOnlyDictionary<string, string> headers)
    {
        var traceParent = Find(headers, MessageTraceContext.TraceParent) ?? Find(headers, DiagnosticIdHeader);
        return traceParent is not null && ActivityContext.TryParse(traceParent, Find(headers, MessageTraceContext.TraceState), isRemote: true, out var context)
            ? context
            : default;
    }

    // Broker header names keep the producer's case.
    private static string? Find(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, found) in headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return found;
            }
        }

        return null;
    }
}

using System.Diagnostics;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// The W3C trace context as message headers (AMQP headers, Service Bus application properties): what a producer adds so
/// that the agent consuming the message continues its trace.
/// </summary>
public static class MessageTraceContext
{
    /// <summary>The header holding the producer's span (<c>00-&lt;trace&gt;-&lt;span&gt;-&lt;flags&gt;</c>).</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The header holding the vendors' trace state, when there is one.</summary>
    public const string TraceState = "tracestate";

    /// <summary>
    /// Adds the current span's context to <paramref name="headers"/>, unless there is no current W3C span or the headers
    /// already name one (a context given explicitly wins).
    /// </summary>
    public static void AddCurrent(IDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } current || headers.ContainsKey(TraceParent))
        {
            return;
        }

        headers[TraceParent] = id;
        if (current.TraceStateString is { Length: > 0 } state)
        {
            headers[TraceState] = state;
        }
    }
}

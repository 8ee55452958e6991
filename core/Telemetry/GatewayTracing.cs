using System.Diagnostics;

namespace Switchyard.Core.Telemetry;

/// <summary>
/// The sources of the gateway's spans. Spans cost nothing until a listener (the OpenTelemetry SDK, a test) subscribes
/// to <see cref="SourceName"/>: <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> then returns null.
/// </summary>
public static class GatewayTracing
{
    /// <summary>The name listeners subscribe to.</summary>
    public const string SourceName = "Switchyard";

    /// <summary>
    /// The durable engine's own source (the Durable Task Framework's): the spans of durable flows, one per orchestration
    /// (emitted once, when it completes, whatever its replays) and per activity, with the trace context the engine keeps in
    /// the flow's history, so a flow continues the trace of the request or message that started it in whichever process
    /// runs it. A step's backend span (from <see cref="Source"/>) is the child of its activity's span. Subscribe to both.
    /// </summary>
    public const string DurableTaskSourceName = "DurableTask.Core";

    /// <summary>
    /// The source of the spans of reading backends' bodies (<c>read_payload</c>): apart from <see cref="SourceName"/>, as
    /// the HttpClient's round trip is, so it is subscribed to only when a backend layer asks for those spans.
    /// </summary>
    public const string PayloadSourceName = "Switchyard.ReadPayload";

    /// <summary>The source every layer starts its spans from.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The source of <see cref="PayloadSourceName"/>.</summary>
    public static readonly ActivitySource PayloadSource = new(PayloadSourceName);
}

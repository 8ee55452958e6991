using System.Diagnostics;

namespace Switchyard.Core.Telemetry;

/// <summary>
/// The one source of the gateway's spans. Spans cost nothing until a listener (the OpenTelemetry SDK, a test) subscribes
/// to <see cref="SourceName"/>: <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> then returns null.
/// </summary>
public static class GatewayTracing
{
    /// <summary>The name listeners subscribe to.</summary>
    public const string SourceName = "Switchyard";

    /// <summary>The source every layer starts its spans from.</summary>
    public static readonly ActivitySource Source = new(SourceName);
}

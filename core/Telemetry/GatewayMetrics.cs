using System.Diagnostics.Metrics;

namespace Switchyard.Core.Telemetry;

/// <summary>
/// The one meter of the gateway's metrics. Instruments record nothing until a listener (the OpenTelemetry SDK, a test)
/// enables them.
/// </summary>
public static class GatewayMetrics
{
    /// <summary>The name listeners subscribe to.</summary>
    public const string MeterName = "Switchyard";

    /// <summary>The meter every layer creates its instruments on.</summary>
    public static readonly Meter Meter = new(MeterName);
}

namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary>One entry of <c>exporters.prometheus</c>: a listener serving <c>/metrics</c> for Prometheus to scrape.</summary>
public sealed record PrometheusExporterOptions
{
    /// <summary>The exporter's name, unique among all exporters.</summary>
    public required string Name { get; init; }

    /// <summary>The address listened on. <value>The default value is empty: every interface.</value></summary>
    public string Host { get; init; } = "";

    /// <summary>The port listened on. <value>The default value is 9090.</value></summary>
    public int Port { get; init; } = 9090;

    /// <summary>Also serve the process's metrics (CPU, memory).</summary>
    public bool ProcessMetrics { get; init; }

    /// <summary>Also serve the runtime's metrics (GC, thread pool): KrakenD's Go runtime metrics, for .NET.</summary>
    public bool RuntimeMetrics { get; init; }

    /// <summary>Serve nothing (the entry is kept but off).</summary>
    public bool DisableMetrics { get; init; }
}

namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary>One entry of <c>exporters.otlp</c>: an OpenTelemetry collector traces and metrics are pushed to.</summary>
public sealed record OtlpExporterOptions
{
    /// <summary>The exporter's name, unique among all exporters.</summary>
    public required string Name { get; init; }

    /// <summary>The collector's host. <value>The default value is <c>localhost</c>.</value></summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The collector's port. <value>The default value is 4317, with <c>use_http</c> too (as KrakenD).</value></summary>
    public int Port { get; init; } = 4317;

    /// <summary>OTLP over HTTP (protobuf) instead of gRPC.</summary>
    public bool UseHttp { get; init; }

    /// <summary>Send no metrics to this collector.</summary>
    public bool DisableMetrics { get; init; }

    /// <summary>Send no traces to this collector.</summary>
    public bool DisableTraces { get; init; }

    /// <summary>This collector's metric period, or null for the service's <c>metric_reporting_period</c>.</summary>
    public TimeSpan? CustomMetricReportingPeriod { get; init; }
}

using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OtlpTarget = Switchyard.Core.Telemetry.OpenTelemetry.OtlpExporterOptions;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// The <c>exporters.otlp</c> entries as OpenTelemetry exporters. Each signal's exporter has its own options name
/// (<c>name/traces</c>, <c>name/metrics</c>): options are shared by name, and one name would send both signals to the
/// endpoint set last.
/// </summary>
internal static class OtlpExporters
{
    public static void AddTraces(TracerProviderBuilder tracing, IEnumerable<OtlpTarget> exporters)
    {
        foreach (var exporter in exporters)
        {
            tracing.AddOtlpExporter(exporter.Name + "/traces", options => Target(options, exporter, "traces"));
        }
    }

    public static void AddMetrics(MeterProviderBuilder metrics, IEnumerable<OtlpTarget> exporters, TimeSpan period)
    {
        foreach (var exporter in exporters)
        {
            metrics.AddOtlpExporter(exporter.Name + "/metrics", (options, reader) =>
            {
                Target(options, exporter, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                    (int)(exporter.CustomMetricReportingPeriod ?? period).TotalMilliseconds;
            });
        }
    }

    // Set in code, an OTLP/HTTP endpoint is used as given: the signal's path is added here, as collectors expect it.
    private static void Target(OtlpExporterOptions options, OtlpTarget exporter, string signal)
    {
        var root = $"http://{HostText(exporter.Host)}:{exporter.Port}";
        options.Protocol = exporter.UseHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        options.Endpoint = new Uri(exporter.UseHttp ? $"{root}/v1/{signal}" : root);
    }

    /// <summary>An IPv6 address is written in brackets in a URL.</summary>
    public static string HostText(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}

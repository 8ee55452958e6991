using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads <c>telemetry/opentelemetry</c>'s <c>exporters.otlp</c> and <c>exporters.prometheus</c> arrays.</summary>
internal static class TelemetryExportersParser
{
    public static IReadOnlyList<OtlpExporterOptions> Otlp(JsonObjectReader exporters) =>
    [
        .. exporters.Objects("otlp").Select(reader =>
        {
            var defaults = new OtlpExporterOptions { Name = "" };
            var options = new OtlpExporterOptions
            {
                Name = Name(reader),
                Host = reader.String("host") is { Length: > 0 } host ? host : defaults.Host,
                Port = Port(reader) ?? defaults.Port,
                UseHttp = reader.Bool("use_http"),
                DisableMetrics = reader.Bool("disable_metrics"),
                DisableTraces = reader.Bool("disable_traces"),
                CustomMetricReportingPeriod = OpenTelemetryOptionsParser.Seconds(reader, "custom_metric_reporting_period"),
            };
            reader.ReportUnknownKeys();
            return options;
        }),
    ];

    public static IReadOnlyList<PrometheusExporterOptions> Prometheus(JsonObjectReader exporters) =>
    [
        .. exporters.Objects("prometheus").Select(reader =>
        {
            var defaults = new PrometheusExporterOptions { Name = "" };
            var options = new PrometheusExporterOptions
            {
                Name = Name(reader),
                Host = reader.String("host") ?? defaults.Host,
                Port = Port(reader) ?? defaults.Port,
                ProcessMetrics = reader.Bool("process_metrics"),

                // KrakenD's Go runtime metrics; here the .NET runtime's (GC, thread pool, JIT).
                RuntimeMetrics = reader.Bool("go_metrics"),
                DisableMetrics = reader.Bool("disable_metrics"),
            };

            // KrakenD's schema documents listen_ip, but its exporter never reads it and listens on every interface:
            // taking it here would listen where KrakenD does not, ignoring it would listen where the file says not to.
            if (reader.TryGet("listen_ip", out _))
            {
                reader.Problems.Error(
                    reader.PathOf("listen_ip"),
                    "'listen_ip' is not read by the Prometheus exporter (KrakenD ignores it too): write the address in 'host'");
            }

            reader.ReportUnknownKeys();
            return options;
        }),
    ];

    private static string Name(JsonObjectReader reader)
    {
        var name = reader.String("name");
        if (string.IsNullOrEmpty(name) && !reader.Problems.HasErrorAt(reader.PathOf("name")))
        {
            reader.Problems.Error(reader.PathOf("name"), "'name' is required: it tells the exporters apart");
        }

        return name ?? "";
    }

    private static int? Port(JsonObjectReader reader)
    {
        var port = reader.Int("port");
        if (port is < 1 or > 65535)
        {
            reader.Problems.Error(reader.PathOf("port"), $"port must be between 1 and 65535, got {port}");
            return null;
        }

        return port;
    }
}

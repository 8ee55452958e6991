using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads <c>telemetry/opentelemetry</c>'s layers: <c>global</c>, <c>proxy</c> and <c>backend</c>, the last two also as an
/// endpoint's or a backend's own override.
/// </summary>
internal static class TelemetryLayersParser
{
    private static readonly string[] SemanticConventions = ["", "1.27"];

    public static GlobalLayerOptions Global(JsonObjectReader reader)
    {
        var options = new GlobalLayerOptions
        {
            DisableMetrics = reader.Bool("disable_metrics"),
            DisableTraces = reader.Bool("disable_traces"),
            DisablePropagation = reader.Bool("disable_propagation"),
            ReportHeaders = reader.Bool("report_headers"),
            SkipHeaders = reader.Strings("skip_headers"),
            MetricsStaticAttributes = StaticAttributes(reader, "metrics_static_attributes"),
            TracesStaticAttributes = StaticAttributes(reader, "traces_static_attributes"),
            SemanticConvention = SemanticConvention(reader),
        };
        reader.ReportUnknownKeys();
        return options;
    }

    public static ProxyLayerOptions Proxy(JsonObjectReader reader)
    {
        var options = new ProxyLayerOptions
        {
            DisableMetrics = reader.Bool("disable_metrics"),
            DisableTraces = reader.Bool("disable_traces"),
            ReportHeaders = reader.Bool("report_headers"),
            SkipHeaders = reader.Strings("skip_headers"),
            MetricsStaticAttributes = StaticAttributes(reader, "metrics_static_attributes"),
            TracesStaticAttributes = StaticAttributes(reader, "traces_static_attributes"),
        };
        reader.ReportUnknownKeys();
        return options;
    }

    /// <summary>
    /// As KrakenD: an absent <c>metrics</c> or <c>traces</c> object switches every flag on; a present one leaves the flags
    /// it does not name off.
    /// </summary>
    public static BackendLayerOptions Backend(JsonObjectReader reader)
    {
        var options = new BackendLayerOptions
        {
            Metrics = reader.Object("metrics") is { } metrics ? Signal(metrics, traces: false) : BackendSignalOptions.AllOn,
            Traces = reader.Object("traces") is { } traces ? Signal(traces, traces: true) : BackendSignalOptions.AllOn,
        };
        reader.ReportUnknownKeys();
        return options;
    }

    private static BackendSignalOptions Signal(JsonObjectReader reader, bool traces)
    {
        var options = new BackendSignalOptions
        {
            DisableStage = reader.Bool("disable_stage"),
            RoundTrip = reader.Bool("round_trip"),
            ReadPayload = reader.Bool("read_payload"),
            DetailedConnection = reader.Bool("detailed_connection"),
            StaticAttributes = StaticAttributes(reader, "static_attributes"),

            // Headers only go on spans: a metric label per header value would explode the series.
            ReportHeaders = traces && reader.Bool("report_headers"),
            SkipHeaders = traces ? reader.Strings("skip_headers") : [],
        };
        reader.ReportUnknownKeys();
        return options;
    }

    private static string SemanticConvention(JsonObjectReader reader)
    {
        var convention = reader.String("semantic_convention") ?? "";
        if (!SemanticConventions.Contains(convention))
        {
            reader.Problems.Error(
                reader.PathOf("semantic_convention"), $"expected \"\" (KrakenD's default names) or \"1.27\", got \"{convention}\"");
            return "";
        }

        return convention;
    }

    /// <summary><c>[{"key": "k", "value": "v"}]</c>; a key is required and given once, as KrakenD checks.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> StaticAttributes(JsonObjectReader reader, string key)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var item in reader.Objects(key))
        {
            var name = item.String("key");
            var value = item.String("value") ?? "";
            item.ReportUnknownKeys();
            if (string.IsNullOrEmpty(name))
            {
                item.Problems.Error(item.PathOf("key"), "'key' is required");
            }
            else if (attributes.Exists(attribute => attribute.Key == name))
            {
                item.Problems.Error(item.PathOf("key"), $"attribute '{name}' is given twice");
            }
            else
            {
                attributes.Add(new(name, value));
            }
        }

        return attributes;
    }
}

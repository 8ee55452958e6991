namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every <c>telemetry/opentelemetry</c> exporter has its own name, across the OTLP and Prometheus lists (as KrakenD
/// checks): the name is how logs and the operator tell them apart.
/// </summary>
internal sealed class TelemetryExporterNamesValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.OpenTelemetry is not { } telemetry)
        {
            return;
        }

        var exporters = JsonPaths.Property(NamespacePaths.Of(NamespaceAliases.TelemetryOpenTelemetry), "exporters");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var named = telemetry.Otlp.Select((otlp, index) => (otlp.Name, Kind: "otlp", index))
            .Concat(telemetry.Prometheus.Select((prometheus, index) => (prometheus.Name, Kind: "prometheus", index)));
        foreach (var (name, kind, index) in named)
        {
            if (name.Length > 0 && !seen.Add(name))
            {
                problems.Error(
                    JsonPaths.Property(JsonPaths.Index(JsonPaths.Property(exporters, kind), index), "name"),
                    $"exporter name '{name}' is already used by another exporter");
            }
        }
    }
}

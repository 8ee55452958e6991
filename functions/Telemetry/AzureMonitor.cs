using Azure.Monitor.OpenTelemetry.Exporter;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// Application Insights: the Functions platform sets <see cref="ConnectionStringVariable"/> on a function app whose
/// Application Insights is configured (<c>bicep/</c> does), and the gateway's traces, metrics and logs then go there
/// too, whether or not the configuration has <c>telemetry/opentelemetry</c>.
/// </summary>
internal static class AzureMonitor
{
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The connection string the platform set, or null.</summary>
    public static string? ConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    public static void Configure(AzureMonitorExporterOptions options, string connectionString)
    {
        options.ConnectionString = connectionString;

        // The gateway's own sampler decides (trace_sample_rate): a second one in the exporter would drop parts of traces.
        options.SamplingRatio = 1;
        options.TracesPerSecond = null;

        // Live Metrics polls Microsoft's endpoint, not the one in the connection string, and costs a request a second.
        options.EnableLiveMetrics = false;
    }
}

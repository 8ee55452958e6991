using Switchyard.Functions.Tests.Agents;
using Switchyard.Functions.Telemetry;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// The gateway as its own process with a configuration written to a temporary folder: its spans and metrics are then
/// the only ones its exporters send, whatever other tests run beside it in this process. Span batches are exported
/// every 100 ms instead of 5 s (<c>OTEL_BSP_SCHEDULE_DELAY</c>), and Application Insights is off unless asked for.
/// </summary>
internal sealed class TelemetryGateway : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private TelemetryGateway(GatewayProcess process, DirectoryInfo folder)
    {
        Process = process;
        _folder = folder;
    }

    public GatewayProcess Process { get; }

    public HttpClient Client => Process.Client;

    public static async Task<TelemetryGateway> StartAsync(string configuration, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("switchyard-telemetry-");
        var path = Path.Combine(folder.FullName, "krakend.json");
        await File.WriteAllTextAsync(path, configuration);
        var variables = new Dictionary<string, string>
        {
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            [AzureMonitor.ConnectionStringVariable] = "",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        try
        {
            return new TelemetryGateway(await GatewayProcess.StartAsync(path, variables), folder);
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// A configuration with <c>GET /users/{id}</c> and <c>GET /skipped</c> on <paramref name="backend"/>, and the given
    /// <c>telemetry/opentelemetry</c> object (null for none) and extra root <c>extra_config</c> members.
    /// </summary>
    public static string Configuration(string backend, string? telemetry, string extraConfig = "")
    {
        var namespaces = new List<string>();
        if (telemetry is not null)
        {
            namespaces.Add($$"""
                "telemetry/opentelemetry": {{telemetry}}
                """);
        }

        if (extraConfig.Length > 0)
        {
            namespaces.Add(extraConfig);
        }

        return $$"""
            {"version": 3, "name": "telemetry test",
             "extra_config": { {{string.Join(",", namespaces)}} },
             "endpoints": [
               {"endpoint": "/users/{id}", "backend": [{"host": ["{{backend}}"], "url_pattern": "/u/{id}"}]},
               {"endpoint": "/skipped", "backend": [{"host": ["{{backend}}"], "url_pattern": "/s"}]}]}
            """;
    }

    /// <summary>An OTLP/HTTP exporter to <paramref name="receiver"/> with metrics pushed every second.</summary>
    public static string OtlpTo(Switchyard.Testing.Otlp.OtlpReceiver receiver, string more = "") => $$"""
        "metric_reporting_period": 1,
        "exporters": {"otlp": [{"name": "test", "host": "{{receiver.Host}}", "port": {{receiver.Port}}, "use_http": true}]}
        {{(more.Length > 0 ? ", " + more : "")}}
        """;

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

using Switchyard.Core.Configuration;

namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary>
/// The service's <c>telemetry/opentelemetry</c> namespace, with KrakenD's fields and defaults: what the gateway's traces
/// and metrics describe (the resource), how many traces are kept, where they go, and which layers report.
/// Without the namespace the gateway exports nothing.
/// </summary>
public sealed record OpenTelemetryOptions
{
    /// <summary>The paths whose requests report no span and no metric when <c>skip_paths</c> is not given.</summary>
    public static readonly IReadOnlyList<string> DefaultSkipPaths = ["/__health", "/__debug/", "/__echo/", "/__stats/"];

    /// <summary>
    /// The resource's <c>service.name</c>. <value>The default value is the root <c>name</c>, else <c>Switchyard</c>.</value>
    /// </summary>
    public string ServiceName { get; init; } = "Switchyard";

    /// <summary>The resource's <c>service.version</c>, or null for none.</summary>
    public string? ServiceVersion { get; init; }

    /// <summary>The resource's <c>deployment.environment</c>, or null for none.</summary>
    public string? DeployEnv { get; init; }

    /// <summary>
    /// The share of traces kept, decided where a trace starts and followed by its children (parent based). As in KrakenD,
    /// only a value strictly between 0 and 1 samples; 0, 1 and anything outside keep every trace.
    /// <value>The default value is 1.</value>
    /// </summary>
    public double TraceSampleRate { get; init; } = 1;

    /// <summary>How often metrics are pushed to OTLP exporters. <value>The default value is 30 s.</value></summary>
    public TimeSpan MetricReportingPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Endpoint paths, literally as configured (<c>/users/{id}</c>), whose requests report nothing at the proxy and
    /// backend layers and no metric at the global one. <c>[""]</c> clears the defaults.
    /// <value>The default value is <see cref="DefaultSkipPaths"/>.</value>
    /// </summary>
    public IReadOnlyList<string> SkipPaths { get; init; } = DefaultSkipPaths;

    /// <summary>The OTLP collectors traces and metrics are pushed to.</summary>
    public IReadOnlyList<OtlpExporterOptions> Otlp { get; init; } = [];

    /// <summary>The Prometheus endpoints metrics are scraped from.</summary>
    public IReadOnlyList<PrometheusExporterOptions> Prometheus { get; init; } = [];

    /// <summary>The global (server) layer: what each request reports as a whole.</summary>
    public GlobalLayerOptions Global { get; init; } = new();

    /// <summary>The proxy layer (an endpoint's pipe), unless the endpoint overrides it.</summary>
    public ProxyLayerOptions Proxy { get; init; } = new();

    /// <summary>The backend layer (each backend call), unless the backend overrides it.</summary>
    public BackendLayerOptions Backend { get; init; } = new();

    /// <summary>True when <paramref name="endpoint"/>'s pattern is one of <see cref="SkipPaths"/>, literally.</summary>
    public bool Skips(EndpointConfig endpoint) => SkipPaths.Contains(endpoint.Endpoint, StringComparer.Ordinal);

    /// <summary>The proxy layer of <paramref name="endpoint"/>: its own, else the service's.</summary>
    public ProxyLayerOptions ProxyLayerOf(EndpointConfig endpoint) => endpoint.TelemetryProxy ?? Proxy;

    /// <summary>The backend layer of <paramref name="backend"/>: its own, else the service's.</summary>
    public BackendLayerOptions BackendLayerOf(BackendConfig backend) => backend.TelemetryBackend ?? Backend;
}

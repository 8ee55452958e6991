using Switchyard.Core.Configuration;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// Which spans the pipes start, from the service's <c>telemetry/opentelemetry</c> and each endpoint's and backend's own
/// override: an endpoint's <c>proxy</c> replaces <c>layers.proxy</c>, a backend's <c>backend</c> replaces
/// <c>layers.backend</c>, and the endpoints of <c>skip_paths</c> report nothing at either layer. Without the namespace
/// every layer is on with the default skip paths: spans are then started only if something listens (tests), and cost
/// nothing otherwise.
/// </summary>
internal sealed class TracingLayers(OpenTelemetryOptions? telemetry)
{
    private readonly OpenTelemetryOptions _telemetry = telemetry ?? new OpenTelemetryOptions();

    /// <summary>True when the endpoint's requests report no proxy or backend span.</summary>
    public bool Skips(EndpointConfig endpoint) => _telemetry.SkipPaths.Contains(endpoint.Endpoint, StringComparer.Ordinal);

    /// <summary>The endpoint's proxy layer.</summary>
    public ProxyLayerOptions Proxy(EndpointConfig endpoint) => endpoint.TelemetryProxy ?? _telemetry.Proxy;

    /// <summary>The backend's span options.</summary>
    public BackendSignalOptions Backend(BackendConfig backend) => (backend.TelemetryBackend ?? _telemetry.Backend).Traces;
}

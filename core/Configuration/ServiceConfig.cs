using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Core.Durable;
using Switchyard.Core.Security.BotDetection;
using Switchyard.Core.Security.Cors;
using Switchyard.Core.Security.HttpSecurity;
using Switchyard.Core.Security.Jwt;
using Switchyard.Core.Telemetry.Logging;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Configuration;

/// <summary>
/// The root of a <c>krakend.json</c> (version 3) after parsing and after defaults have cascaded
/// from the service to its endpoints and backends.
/// </summary>
public sealed record ServiceConfig
{
    /// <summary>The configuration format version. Only 3 is accepted.</summary>
    public int Version { get; init; } = 3;

    /// <summary>The listening port. <value>The default value is 8080.</value></summary>
    public int Port { get; init; } = ServiceDefaults.Port;

    /// <summary>
    /// The IP address (IPv4 or IPv6) the gateway listens on. <value>The default value is empty: every interface.</value>
    /// </summary>
    public string ListenIp { get; init; } = "";

    /// <summary>Default hosts for backends that declare none.</summary>
    public IReadOnlyList<string> Host { get; init; } = [];

    /// <summary>Default pipe timeout. <value>The default value is 2 s.</value></summary>
    public TimeSpan Timeout { get; init; } = ServiceDefaults.Timeout;

    /// <summary>Default <c>Cache-Control</c> max-age. <value>The default value is zero (no header).</value></summary>
    public TimeSpan CacheTtl { get; init; }

    /// <summary>Default output encoding. <value>The default value is <c>json</c>.</value></summary>
    public string OutputEncoding { get; init; } = EncodingNames.Json;

    /// <summary>Serve <c>/__debug/*</c>.</summary>
    public bool DebugEndpoint { get; init; }

    /// <summary>Serve <c>/__echo/*</c>.</summary>
    public bool EchoEndpoint { get; init; }

    /// <summary>The published endpoints, in file order.</summary>
    public IReadOnlyList<EndpointConfig> Endpoints { get; init; } = [];

    /// <summary>The root <c>async_agent</c> array: queue consumers that run messages through a pipe.</summary>
    public IReadOnlyList<AsyncAgentConfig> AsyncAgents { get; init; } = [];

    /// <summary>Router behaviour from the <c>router</c> namespace.</summary>
    public RouterOptions Router { get; init; } = new();

    /// <summary>The <c>security/cors</c> namespace: CORS for every route, or null for none.</summary>
    public CorsOptions? Cors { get; init; }

    /// <summary>The <c>security/http</c> namespace: the host check, HTTPS redirect and security headers, or null for none.</summary>
    public HttpSecurityOptions? HttpSecurity { get; init; }

    /// <summary>The root <c>name</c>: it labels logs and dashboards, and names the service in telemetry.</summary>
    public string Name { get; init; } = "";

    /// <summary>The <c>telemetry/opentelemetry</c> namespace: traces and metrics and where they go, or null for none.</summary>
    public OpenTelemetryOptions? OpenTelemetry { get; init; }

    /// <summary>The <c>telemetry/logging</c> namespace: the log level and line format, or null for the defaults.</summary>
    public LoggingOptions? Logging { get; init; }

    /// <summary>The service's <c>security/bot-detector</c> namespace: bot detection for every route, or null for none.</summary>
    public BotDetectorOptions? BotDetector { get; init; }

    /// <summary>HTTPS for the gateway (<c>tls</c>). <value>The default value is null: plain HTTP.</value></summary>
    public ServerTlsOptions? Tls { get; init; }

    /// <summary>
    /// TLS to backends (<c>client_tls</c>, root <c>allow_insecure_connections</c>).
    /// <value>The default value is null: .NET's defaults, backends verified against the system's authorities.</value>
    /// </summary>
    public ClientTlsOptions? ClientTls { get; init; }

    /// <summary>Limits of the gateway's HTTP server (<c>read_header_timeout</c>, <c>idle_timeout</c>, <c>max_header_bytes</c>).</summary>
    public HttpServerOptions Server { get; init; } = new();

    /// <summary>Connections to backends (<c>dialer_timeout</c>, <c>idle_connection_timeout</c>, <c>expect_continue_timeout</c>).</summary>
    public BackendTransportOptions Transport { get; init; } = new();

    /// <summary>The service-level <c>auth/validator</c> block (<c>shared_cache_duration</c>), or null.</summary>
    public JwtServiceOptions? JwtValidator { get; init; }

    /// <summary>The service-level <c>switchyard/durable</c>: the engine of the durable pipes, or null.</summary>
    public DurableEngineOptions? Durable { get; init; }

    /// <summary>The raw root <c>extra_config</c>, with namespace aliases normalised to their short names.</summary>
    public JsonObject ExtraConfig { get; init; } = [];
}

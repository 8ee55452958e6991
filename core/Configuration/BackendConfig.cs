using System.Text.Json.Nodes;
using Switchyard.Core.Durable;
using Switchyard.Core.Modifiers.Martian;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience.CircuitBreaker;
using Switchyard.Core.Resilience.HttpCache;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Core.Security.ClientCredentials;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Configuration;

/// <summary>
/// A backend of an endpoint. Fields left out in the file hold the values cascaded from the endpoint
/// and the service when the configuration has been loaded.
/// </summary>
public sealed record BackendConfig
{
    /// <summary>Cleaned hosts (<c>http://a:8000</c>), load-balanced round robin. <value>The default value is the service hosts.</value></summary>
    public IReadOnlyList<string> Host { get; init; } = [];

    /// <summary>The path (and optional query) template, such as <c>/users/{id}?x=1</c>. Required.</summary>
    public required string UrlPattern { get; init; }

    /// <summary>The upper-cased method sent to the backend. <value>The default value is the endpoint method.</value></summary>
    public string Method { get; init; } = ServiceDefaults.Method;

    /// <summary>The backend response decoder. <value>The default value is <c>json</c>.</value></summary>
    public string Encoding { get; init; } = EncodingNames.Json;

    public string? Group { get; init; }

    public string? Target { get; init; }

    public IReadOnlyList<string> Allow { get; init; } = [];

    public IReadOnlyList<string> Deny { get; init; } = [];

    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();

    /// <summary>The backend answers an array, exposed as <c>collection</c>. <value>The default value is false.</value></summary>
    public bool IsCollection { get; init; }

    /// <summary>Service discovery: only <c>static</c> is served. <value>The default value is <c>static</c>.</value></summary>
    public string Sd { get; init; } = "static";

    /// <summary>Keep hosts exactly as written. <value>The default value is false.</value></summary>
    public bool DisableHostSanitize { get; init; }

    /// <summary>A second header filter on top of the endpoint's. Empty means no extra filter.</summary>
    public IReadOnlyList<string> InputHeaders { get; init; } = [];

    /// <summary>A second query filter on top of the endpoint's. Empty means no extra filter.</summary>
    public IReadOnlyList<string> InputQueryStrings { get; init; } = [];

    /// <summary>Copied from the endpoint: KrakenD has no per-backend timeout.</summary>
    public TimeSpan Timeout { get; init; } = ServiceDefaults.Timeout;

    /// <summary>Copied from the endpoint.</summary>
    public int ConcurrentCalls { get; init; } = ServiceDefaults.ConcurrentCalls;

    /// <summary>Copied from the endpoint: its <c>switchyard/hedging</c>, or null.</summary>
    public HedgingOptions? Hedging { get; init; }

    /// <summary>The backend's <c>proxy</c> namespace.</summary>
    public BackendProxyOptions Proxy { get; init; } = new();

    /// <summary>The <c>backend/http</c> namespace.</summary>
    public BackendHttpOptions Http { get; init; } = new();

    /// <summary>
    /// The nested endpoint opened by <c>extra_config.workflow</c>, or null. When set, this backend is never called
    /// itself: its <c>url_pattern</c> only declares the variables the workflow may use.
    /// </summary>
    public EndpointConfig? Workflow { get; init; }

    /// <summary>The <c>security/policies</c> namespace, or null.</summary>
    public SecurityPoliciesOptions? Policies { get; init; }

    /// <summary>The <c>qos/circuit-breaker</c> namespace, or null.</summary>
    public CircuitBreakerOptions? CircuitBreaker { get; init; }

    /// <summary>The <c>check_expr</c> expressions of the <c>validation/cel</c> namespace, in order.</summary>
    public IReadOnlyList<string> CelChecks { get; init; } = [];

    /// <summary>The <c>modifier/martian</c> namespace, parsed into its modifiers and filters, or null.</summary>
    public MartianModifier? Martian { get; init; }

    /// <summary>The <c>qos/http-cache</c> namespace, or null: no cache.</summary>
    public HttpCacheOptions? HttpCache { get; init; }

    /// <summary>The <c>auth/client-credentials</c> namespace, or null: the backend is called without a token.</summary>
    public ClientCredentialsOptions? ClientCredentials { get; init; }
    /// <summary>The <c>qos/ratelimit/proxy</c> namespace, or null.</summary>
    public ProxyRateLimitOptions? RateLimit { get; init; }

    /// <summary>Its <c>switchyard/durable</c> (retry, compensation) as a step of a durable pipe, or null.</summary>
    public DurableStepOptions? Durable { get; init; }

    /// <summary>
    /// The backend's own <c>telemetry/opentelemetry</c> <c>backend</c> layer, overriding the service's; null when it has none.
    /// </summary>
    public BackendLayerOptions? TelemetryBackend { get; init; }

    /// <summary>The raw <c>extra_config</c>, with namespace aliases normalised to their short names.</summary>
    public JsonObject ExtraConfig { get; init; } = [];

    /// <summary>The JSON path of this object in the file (<c>endpoints[2].backend[0]</c>), used in messages.</summary>
    public string JsonPath { get; init; } = "";
}

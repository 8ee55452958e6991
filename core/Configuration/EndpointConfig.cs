using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Core.Schemas;
using Switchyard.Core.Security.BotDetection;
using Switchyard.Core.Security.Jwt;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Configuration;

/// <summary>
/// A published endpoint (or, nested in a backend, a workflow). Every optional field already holds the
/// value cascaded from the service when the configuration has been loaded.
/// </summary>
public sealed record EndpointConfig
{
    /// <summary>The route, such as <c>/users/{id}</c>. Required.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The HTTP method. <value>The default value is GET.</value></summary>
    public string Method { get; init; } = ServiceDefaults.Method;

    /// <summary>The backends, at least one. Required.</summary>
    public IReadOnlyList<BackendConfig> Backends { get; init; } = [];

    /// <summary>Timeout of the whole pipe. <value>The default value is the service timeout.</value></summary>
    public TimeSpan Timeout { get; init; } = ServiceDefaults.Timeout;

    /// <summary><c>Cache-Control</c> max-age for complete responses. <value>The default value is the service value.</value></summary>
    public TimeSpan CacheTtl { get; init; }

    /// <summary>How many identical calls race per backend. <value>The default value is 1.</value></summary>
    public int ConcurrentCalls { get; init; } = ServiceDefaults.ConcurrentCalls;

    /// <summary>
    /// The <c>switchyard/hedging</c> namespace: its backends' calls are hedged, up to <c>max_calls</c>, instead of
    /// raced <see cref="ConcurrentCalls"/> at once. <value>The default value is null (no hedging).</value>
    /// </summary>
    public HedgingOptions? Hedging { get; init; }

    /// <summary>The response encoding. <value>The default value is the service value, else <c>json</c>.</value></summary>
    public string OutputEncoding { get; init; } = EncodingNames.Json;

    /// <summary>Headers forwarded to backends. Empty means only <c>Content-Type</c>; <c>*</c> means all.</summary>
    public IReadOnlyList<string> InputHeaders { get; init; } = [];

    /// <summary>Query strings forwarded to backends. Empty means none; <c>*</c> means all.</summary>
    public IReadOnlyList<string> InputQueryStrings { get; init; } = [];

    /// <summary>The endpoint's <c>proxy</c> namespace.</summary>
    public EndpointProxyOptions Proxy { get; init; } = new();

    /// <summary>
    /// Workflows only (<c>ignore_errors</c>): keep running the remaining steps after one fails and answer what
    /// succeeded. <value>The default value is false: a workflow stops at its first failing step.</value>
    /// </summary>
    public bool IgnoreErrors { get; init; }

    /// <summary>The <c>security/policies</c> namespace, or null.</summary>
    public SecurityPoliciesOptions? Policies { get; init; }

    /// <summary>A published endpoint's <c>security/bot-detector</c> namespace, or null (workflows have none).</summary>
    public BotDetectorOptions? BotDetector { get; init; }

    /// <summary>The <c>check_expr</c> expressions of the <c>validation/cel</c> namespace, in order.</summary>
    public IReadOnlyList<string> CelChecks { get; init; } = [];

    /// <summary>
    /// The <c>validation/json-schema</c> namespace, compiled: the schema a published endpoint's request body (an agent's
    /// message body) must satisfy, or null (workflows have none: their body is the endpoint's, already checked).
    /// </summary>
    public RequestSchema? JsonSchema { get; init; }

    /// <summary>The <c>auth/validator</c> namespace (published endpoints only), or null.</summary>
    public JwtValidatorOptions? JwtValidator { get; init; }

    /// <summary>The <c>auth/signer</c> namespace (published endpoints only), or null.</summary>
    public JwtSignerOptions? JwtSigner { get; init; }

    /// <summary>The <c>qos/ratelimit/router</c> namespace (published endpoints only), or null.</summary>
    public RouterRateLimitOptions? RateLimit { get; init; }

    /// <summary>
    /// True when this pipe runs as a durable orchestration: its own <c>switchyard/durable</c>, or that of the endpoint,
    /// workflow or agent it is nested in. <value>The default value is false.</value>
    /// </summary>
    public bool IsDurable { get; init; }

    /// <summary>
    /// The endpoint's own <c>telemetry/opentelemetry</c> <c>proxy</c> layer, overriding the service's; null when it has none.
    /// </summary>
    public ProxyLayerOptions? TelemetryProxy { get; init; }

    /// <summary>The raw <c>extra_config</c>, with namespace aliases normalised to their short names.</summary>
    public JsonObject ExtraConfig { get; init; } = [];

    /// <summary>The JSON path of this object in the file (<c>endpoints[2]</c>), used in messages.</summary>
    public string JsonPath { get; init; } = "";
}

namespace Switchyard.Core.Configuration;

/// <summary>
/// The short names of the <c>extra_config</c> namespaces Switchyard's code refers to. Raw <c>ExtraConfig</c> objects
/// always hold short names: <see cref="Namespaces.NamespaceCatalog.Normalize"/> turns old spellings into them.
/// </summary>
public static class NamespaceAliases
{
    public const string Proxy = "proxy";
    public const string BackendHttp = "backend/http";
    public const string Router = "router";
    public const string AsyncAmqp = "async/amqp";
    public const string AsyncMemory = "async/memory";
    public const string AsyncServiceBus = "async/servicebus";
    public const string AsyncAzureQueue = "async/azure-queue";
    public const string ValidationCel = "validation/cel";
    public const string ValidationJsonSchema = "validation/json-schema";
    public const string SecurityCors = "security/cors";
    public const string SecurityHttp = "security/http";
    public const string SecurityBotDetector = "security/bot-detector";
    public const string QosCircuitBreaker = "qos/circuit-breaker";
    public const string ModifierMartian = "modifier/martian";
    public const string QosHttpCache = "qos/http-cache";
    public const string AuthClientCredentials = "auth/client-credentials";
    public const string QosRateLimitRouter = "qos/ratelimit/router";
    public const string QosRateLimitProxy = "qos/ratelimit/proxy";
    public const string TelemetryOpenTelemetry = "telemetry/opentelemetry";
    public const string TelemetryLogging = "telemetry/logging";

    /// <summary>Switchyard's own root namespace for its admin endpoints: <c>{"secret": "..."}</c>.</summary>
    public const string SwitchyardAdmin = "switchyard/admin";

    /// <summary>Switchyard's root namespace for its fan-out agents: <c>{"store": "path/to/subscriptions.json"}</c>.</summary>
    public const string SwitchyardFanOut = "switchyard/fanout";
}

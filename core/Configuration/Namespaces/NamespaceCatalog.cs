namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>
/// Every <c>extra_config</c> namespace KrakenD defines (community and enterprise editions, with their old names) and
/// Switchyard's own, with where Switchyard serves each one. The parsers decide from this list alone what they read,
/// refuse or warn about, and the README's namespace table is generated from it, so the two cannot drift.
/// </summary>
/// <remarks>
/// Fail closed: a namespace whose absence would weaken access control, traffic limits or transport security, or
/// change what reaches a backend or a client, is a configuration error wherever Switchyard does not serve it. Only
/// the ones that configure a convenience (logs, metrics, documentation) are warnings.
/// </remarks>
public static class NamespaceCatalog
{
    private const Placement Pipes = Placement.Endpoint | Placement.Workflow | Placement.Backend | Placement.Agent;

    // Namespaces outside this list under these prefixes are refused too: a misspelt `auth/validatr` must not open a door.
    private static readonly string[] ProtectiveFamilies =
        ["auth/", "security/", "qos/", "validation/", "modifier/", "plugin/", "backend/", "governance/", "server/", "ai/"];

    private const string BackendCall = "the backend would be called over plain HTTP instead";

    /// <summary>The namespaces, in the order of the README table.</summary>
    public static IReadOnlyList<KnownNamespace> All { get; } =
    [
        // The pipeline.
        new("proxy", "sequential proxy, static data, flatmap, shadow backends", Pipes, "the pipe's behaviour would change")
        {
            Aliases = ["github.com/devopsfaith/krakend/proxy"],
        },
        new("backend/http", "backend error details and status codes", Placement.Backend, "backend errors would reach clients differently")
        {
            Aliases = ["github.com/devopsfaith/krakend/http"],
        },
        new("workflow", "nested endpoints inside a backend", Placement.Backend, "the backend would be called instead of its workflow"),
        new("router", "router options", Placement.Service, "the router's answers would change")
        {
            Aliases = ["github_com/luraproject/lura/router/gin"],
        },

        // Access control.
        new("auth/validator", "JWT validation", Placement.Endpoint | Placement.Service, "requests would reach backends without a valid token")
        {
            Aliases = ["github.com/devopsfaith/krakend-jose/validator"],
            NeedsClientRequest = true,
        },
        new("auth/signer", "JWT signing of responses", Placement.Endpoint, "clients would receive the claims unsigned")
        {
            Aliases = ["github.com/devopsfaith/krakend-jose/signer"],
            NeedsClientRequest = true,
        },
        new("auth/revoker", "revoked-token filter", Placement.None, "revoked tokens would still be accepted")
        {
            Aliases = ["github_com/devopsfaith/bloomfilter"],
        },
        new("auth/api-keys", "API-key authentication", Placement.None, "requests would reach backends without an API key"),
        new("auth/basic", "HTTP basic authentication", Placement.None, "requests would reach backends without credentials"),
        new("auth/client-credentials", "OAuth2 client credentials to backends", Placement.Backend, "backends would be called without their token")
        {
            Aliases = ["github.com/devopsfaith/krakend-oauth2-clientcredentials"],
        },
        new("auth/aws-sigv4", "AWS request signing to backends", Placement.None, "backends would be called unsigned"),
        new("auth/gcp", "Google Cloud identity tokens to backends", Placement.None, "backends would be called without their token"),
        new("auth/ntlm", "NTLM authentication to backends", Placement.None, "backends would be called without credentials"),
        new("security/policies", "CEL security policies", Pipes, "requests the policies deny would go through"),
        new("validation/cel", "CEL request and response checks", Pipes, "requests the checks reject would go through")
        {
            Aliases = ["github.com/devopsfaith/krakend-cel"],
        },
        new("validation/json-schema", "JSON Schema validation of request and message bodies", Placement.Endpoint | Placement.Agent, "invalid bodies would reach backends")
        {
            Aliases = ["github.com/devopsfaith/krakend-jsonschema"],
        },
        new("validation/response-json-schema", "JSON Schema validation of responses", Placement.None, "invalid responses would reach clients"),

        // Browsers and HTTP security.
        new("security/cors", "CORS", Placement.Service, "browsers would get no CORS answers, or origins the policy refuses would be let through")
        {
            Aliases = ["github_com/devopsfaith/krakend-cors"],
            NeedsClientRequest = true,
        },
        new("security/http", "allowed hosts, HSTS and security headers", Placement.Service, "host checks and security headers would be missing")
        {
            Aliases = ["github_com/devopsfaith/krakend-httpsecure"],
            NeedsClientRequest = true,
        },
        new("security/bot-detector", "bot detection by user agent", Placement.Service | Placement.Endpoint, "bots would reach backends")
        {
            Aliases = ["github_com/devopsfaith/krakend-botdetector"],
            NeedsClientRequest = true,
        },

        // Traffic.
        new("qos/ratelimit/router", "endpoint rate limits", Placement.Endpoint, "endpoints would take unlimited traffic")
        {
            Aliases = ["github.com/devopsfaith/krakend-ratelimit/juju/router"],
            NeedsClientRequest = true,
            OnAgent = "an agent limits the messages it takes with its consumer's 'max_rate', and its backends with 'qos/ratelimit/proxy'",
        },
        new("qos/ratelimit/router/redis", "endpoint rate limits shared through Redis", Placement.None, "endpoints would take unlimited traffic"),
        new("qos/ratelimit/proxy", "backend rate limits", Placement.Backend, "backends would take unlimited traffic")
        {
            Aliases = ["github.com/devopsfaith/krakend-ratelimit/juju/proxy"],
        },
        new("qos/ratelimit/service", "service-wide rate limits", Placement.None, "the gateway would take unlimited traffic"),
        new("qos/ratelimit/service/redis", "service-wide rate limits shared through Redis", Placement.None, "the gateway would take unlimited traffic"),
        new("qos/ratelimit/tiered", "rate limits by tier", Placement.None, "every tier would take unlimited traffic"),
        new("qos/circuit-breaker", "circuit breaker", Placement.Backend, "failing backends would be called on every request")
        {
            Aliases = ["github.com/devopsfaith/krakend-circuitbreaker/gobreaker"],
        },
        new("qos/circuit-breaker/http", "circuit breaker by status code", Placement.None, "failing backends would be called on every request"),
        new("qos/http-cache", "backend response cache", Placement.Backend, "every request would reach the backend")
        {
            Aliases = ["github.com/devopsfaith/krakend-httpcache"],
        },
        new("governance/quota", "quotas", Placement.None, "clients would have no quota"),
        new("governance/processors", "quota processors", Placement.None, "clients would have no quota"),

        // Request and response rewriting.
        new("modifier/martian", "request and response modifiers", Placement.Backend, "requests and responses would not be modified as configured")
        {
            Aliases = ["github.com/devopsfaith/krakend-martian"],
        },
        new("modifier/lua-endpoint", "Lua scripts on the endpoint", Placement.None, "the scripts would not run")
        {
            Aliases = ["github.com/devopsfaith/krakend-lua/router"],
        },
        new("modifier/lua-proxy", "Lua scripts on the proxy", Placement.None, "the scripts would not run")
        {
            Aliases = ["github.com/devopsfaith/krakend-lua/proxy"],
        },
        new("modifier/lua-backend", "Lua scripts on the backend", Placement.None, "the scripts would not run")
        {
            Aliases = ["github.com/devopsfaith/krakend-lua/proxy/backend"],
        },
        new("modifier/jmespath", "JMESPath response queries", Placement.None, "responses would not be transformed"),
        new("modifier/body-generator", "request bodies from templates", Placement.None, "backends would get the original body"),
        new("modifier/request-body-generator", "request bodies from templates", Placement.None, "backends would get the original body"),
        new("modifier/response-body-generator", "response bodies from templates", Placement.None, "clients would get the original body"),
        new("modifier/response-body", "response body rewriting", Placement.None, "clients would get the original body"),
        new("modifier/response-headers", "response header rewriting", Placement.None, "clients would get the original headers"),
        new("modifier/request-body-extractor", "parameters from request bodies", Placement.None, "backends would get different requests"),
        new("modifier/request-body-extractor/early", "parameters from request bodies", Placement.None, "backends would get different requests"),

        // Plugins and other backends.
        new("plugin/http-server", "HTTP server plugins", Placement.None, "the plugins would not run")
        {
            Aliases = ["github_com/devopsfaith/krakend/transport/http/server/handler"],
        },
        new("plugin/http-client", "HTTP client plugins", Placement.None, "the plugins would not run")
        {
            Aliases = ["github.com/devopsfaith/krakend/transport/http/client/executor"],
        },
        new("plugin/req-resp-modifier", "request and response modifier plugins", Placement.None, "the plugins would not run")
        {
            Aliases = ["github.com/devopsfaith/krakend/proxy/plugin"],
        },
        new("plugin/middleware", "middleware plugins", Placement.None, "the plugins would not run"),
        new("backend/http/client", "per-backend HTTP client and TLS", Placement.None, "the backend would be called with the default client"),
        new("backend/amqp/consumer", "AMQP consumer backend", Placement.None, BackendCall)
        {
            Aliases = ["github.com/devopsfaith/krakend-amqp/consume"],
        },
        new("backend/amqp/producer", "AMQP producer backend", Placement.None, BackendCall)
        {
            Aliases = ["github.com/devopsfaith/krakend-amqp/produce"],
        },
        new("backend/lambda", "AWS Lambda backend", Placement.None, BackendCall)
        {
            Aliases = ["github.com/devopsfaith/krakend-lambda"],
        },
        new("backend/pubsub/publisher", "pub/sub publisher backend", Placement.None, BackendCall)
        {
            Aliases = ["github.com/devopsfaith/krakend-pubsub/publisher"],
        },
        new("backend/pubsub/subscriber", "pub/sub subscriber backend", Placement.None, BackendCall)
        {
            Aliases = ["github.com/devopsfaith/krakend-pubsub/subscriber"],
        },
        new("backend/pubsub/publisher/kafka", "Kafka publisher backend", Placement.None, BackendCall),
        new("backend/pubsub/subscriber/kafka", "Kafka subscriber backend", Placement.None, BackendCall),
        new("backend/graphql", "GraphQL backend", Placement.None, BackendCall)
        {
            Aliases = ["github.com/devopsfaith/krakend/transport/http/client/graphql"],
        },
        new("backend/grpc", "gRPC backend", Placement.None, BackendCall),
        new("backend/soap", "SOAP backend", Placement.None, BackendCall),
        new("backend/static-filesystem", "files as a backend", Placement.None, BackendCall),
        new("backend/conditional", "conditional backends", Placement.None, "every backend would be called"),
        new("grpc", "gRPC server", Placement.None, "gRPC clients would find no service"),
        new("websocket", "WebSocket endpoints", Placement.None, "WebSocket clients would find no endpoint"),
        new("server/static-filesystem", "static files", Placement.None, "the files would not be served"),
        new("server/virtualhost", "virtual hosts", Placement.None, "requests would reach the wrong endpoints"),
        new("ai/mcp", "MCP server", Placement.None, "MCP clients would find no server"),
        new("ai/llm", "LLM backends", Placement.None, BackendCall),

        // Async agents.
        new("async/amqp", "RabbitMQ agent driver", Placement.Agent, "the agent would consume nothing")
        {
            Aliases = ["github.com/devopsfaith/krakend-amqp/agent"],
        },
        new("async/memory", "embedded broker agent driver", Placement.Agent, "the agent would consume nothing"),
        new("async/servicebus", "Service Bus agent driver (Functions host)", Placement.Agent, "the agent would consume nothing"),
        new("async/azure-queue", "Storage queue agent driver", Placement.Agent, "the agent would consume nothing"),

        // Telemetry sends data out of the gateway: exporting it without the authentication a file asks for would send it
        // unprotected.
        new(
            "telemetry/opentelemetry-security",
            "OpenTelemetry exporter authentication",
            Placement.None,
            "traces and metrics would be sent to the collector without their authentication"),

        // Conveniences: warned, never refused.
        new("telemetry/opentelemetry", "OpenTelemetry traces and metrics", Placement.Service | Placement.Endpoint | Placement.Backend, null),
        new("telemetry/logging", "log level and format", Placement.Service, null)
        {
            Aliases = ["github_com/devopsfaith/krakend-gologging"],
        },
        new("telemetry/metrics", "metrics endpoint", Placement.None, null)
        {
            Aliases = ["github_com/devopsfaith/krakend-metrics"],
        },
        new("telemetry/gelf", "GELF logging", Placement.None, null) { Aliases = ["github_com/devopsfaith/krakend-gelf"] },
        new("telemetry/logstash", "Logstash logging", Placement.None, null) { Aliases = ["github_com/devopsfaith/krakend-logstash"] },
        new("telemetry/influx", "InfluxDB metrics", Placement.None, null) { Aliases = ["github_com/letgoapp/krakend-influx"] },
        new("telemetry/opencensus", "OpenCensus exporters", Placement.None, null) { Aliases = ["github_com/devopsfaith/krakend-opencensus"] },
        new("telemetry/newrelic", "New Relic", Placement.None, null),
        new("telemetry/moesif", "Moesif analytics", Placement.None, null),
        new("documentation/openapi", "OpenAPI documentation", Placement.None, null),
        new("documentation/postman", "Postman collection", Placement.None, null),
        new("redis", "Redis connection pools", Placement.None, null),

        // Switchyard's own.
        new("switchyard/admin", "the admin secret of the built-in admin endpoints", Placement.Service, "the admin endpoints would stay off"),
        new("switchyard/fanout", "where fan-out subscriptions are stored", Placement.Service, "subscriptions would be stored elsewhere"),
        new(
            "switchyard/durable",
            "durable pipes: the engine (service), the opt-in (endpoint, workflow, agent), retries and compensation (backend)",
            Placement.Service | Pipes,
            "the pipe would run in memory: a crash would lose it halfway, and its retries and compensations would never run"),
        new(
            "switchyard/hedging",
            "hedged backend calls: a further call only when the earlier ones are slower than a delay",
            Placement.Endpoint | Placement.Workflow | Placement.Agent,
            "every backend call would be made once, or raced all at once"),
    ];

    private static readonly Dictionary<string, KnownNamespace> ByName = Index();

    /// <summary>The short name of <paramref name="name"/>, or <paramref name="name"/> itself when it has none.</summary>
    public static string Normalize(string name) => ByName.TryGetValue(name, out var known) ? known.Name : name;

    /// <summary>Finds a namespace by its short or old name.</summary>
    public static KnownNamespace? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>True when an unknown namespace's name puts it in a family that protects something.</summary>
    public static bool IsInProtectiveFamily(string name) =>
        ProtectiveFamilies.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    private static Dictionary<string, KnownNamespace> Index()
    {
        var index = new Dictionary<string, KnownNamespace>(StringComparer.Ordinal);
        foreach (var known in All)
        {
            index.Add(known.Name, known);
            foreach (var alias in known.Aliases)
            {
                index.Add(alias, known);
            }
        }

        return index;
    }
}

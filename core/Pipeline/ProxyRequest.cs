using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// What a layer of the pipeline receives: the client's request as the endpoint saw it, and once the
/// backend layers have run, the backend URL. Immutable: a layer that changes something makes a copy with
/// <c>with</c>, so concurrent backends never see each other's changes.
/// </summary>
public sealed record ProxyRequest
{
    /// <summary>The method sent to the backend.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>
    /// The path the client called (without query) until the backend's request builder runs; from then on the
    /// backend's path and query, to which the load balancer prefixes a host.
    /// </summary>
    public string Path { get; init; } = "/";

    /// <summary>Route parameters keyed with their first letter upper-cased (<c>{id_user}</c> → <c>Id_user</c>).</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = NoParams;

    /// <summary>The request headers, case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; init; } = NoValues;

    /// <summary>The query string, case-sensitive names, in order of appearance.</summary>
    public IReadOnlyDictionary<string, string[]> Query { get; init; } = NoValues;

    /// <summary>The request body, buffered so every backend (and every concurrent call) can send it.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// The claims of the token <c>auth/validator</c> accepted, read by <c>{JWT.claim}</c> placeholders and the CEL
    /// variable <c>JWT</c>; null on an endpoint without a validator (and in agents).
    /// </summary>
    public JsonObject? Claims { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> a durable step sends its backend (<c>instance:step</c>, the same on every retry and
    /// replay), whatever the header filters; null outside durable pipes.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// Cancelled when the client that sent the request goes away. The pipe's own token is cancelled by that and by the
    /// endpoint's deadline alike; a layer that must tell them apart (a circuit breaker counts a deadline as the backend's
    /// failure, a client that left as nothing) reads this one. Never cancelled when there is no client (agents, durable
    /// steps).
    /// </summary>
    public CancellationToken ClientAborted { get; init; }

    /// <summary>The absolute backend URL once the request builder has run; null before.</summary>
    public Uri? Url { get; init; }

    /// <summary>Shared empty parameters.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    /// <summary>Shared empty headers or query.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> NoValues = new Dictionary<string, string[]>();
}

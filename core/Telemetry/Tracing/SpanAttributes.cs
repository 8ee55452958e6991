namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// The attribute names of the gateway's spans: KrakenD's (<c>krakend.stage</c>, <c>complete</c>, <c>canceled</c>), the
/// OpenTelemetry semantic conventions' for HTTP and messaging, and <c>switchyard.*</c> for what only Switchyard has.
/// </summary>
public static class SpanAttributes
{
    /// <summary>Which layer reported the span: <c>proxy</c> (an endpoint's or workflow's pipe) or <c>backend</c>.</summary>
    public const string Stage = "krakend.stage";

    /// <summary>The endpoint or backend pattern as configured (<c>/users/{id}</c>).</summary>
    public const string Route = "http.route";

    /// <summary>True when the pipe's answer was complete (KrakenD's attribute).</summary>
    public const string Complete = "complete";

    /// <summary>True when the call ended because it was cancelled (a race lost, a deadline): not an error of its own.</summary>
    public const string Canceled = "canceled";

    /// <summary>The request's method.</summary>
    public const string RequestMethod = "http.request.method";

    /// <summary>The status the backend answered.</summary>
    public const string ResponseStatusCode = "http.response.status_code";

    /// <summary>The backend's host.</summary>
    public const string ServerAddress = "server.address";

    /// <summary>The backend's port.</summary>
    public const string ServerPort = "server.port";

    /// <summary>The backend URL called, its query's values replaced (they may hold keys or tokens).</summary>
    public const string UrlFull = "url.full";

    /// <summary>The prefix of a reported request header (<c>http.request.header.x-tenant</c>).</summary>
    public const string RequestHeaderPrefix = "http.request.header.";

    /// <summary>The endpoint a backend span belongs to.</summary>
    public const string Endpoint = "krakend.endpoint";

    /// <summary>The backend's <c>group</c>.</summary>
    public const string BackendGroup = "switchyard.backend.group";

    /// <summary>The backend's position among its endpoint's backends (0 first): the step of a sequential chain or fan-out.</summary>
    public const string Step = "switchyard.step";

    /// <summary>The endpoint pattern of the workflow a backend opens, or of the workflow a pipe span runs.</summary>
    public const string Workflow = "switchyard.workflow";

    /// <summary><c>hit</c>, <c>miss</c>, <c>revalidated</c> or <c>stale</c>: how <c>qos/http-cache</c> answered.</summary>
    public const string Cache = "switchyard.cache";

    /// <summary>The circuit breaker's state when the call came (<c>closed</c>, <c>half_open</c>), or <c>open</c> / <c>rejected</c> when it refused it.</summary>
    public const string CircuitBreaker = "switchyard.circuit_breaker";

    /// <summary><c>rejected</c> when <c>qos/ratelimit/proxy</c> refused the call.</summary>
    public const string RateLimit = "switchyard.rate_limit";

    /// <summary>What the CEL policies decided: <c>allowed</c>, <c>denied</c> (the request) or <c>denied_response</c>.</summary>
    public const string Policy = "switchyard.policy";

    /// <summary>The number of a concurrent call in its race (1 first).</summary>
    public const string RaceCall = "switchyard.race.call";

    /// <summary>True on the raced call whose answer won.</summary>
    public const string RaceWinner = "switchyard.race.winner";

    /// <summary>True on a raced call cancelled because another won.</summary>
    public const string RaceCancelled = "switchyard.race.cancelled";

    /// <summary>True on a raced call started by hedging (after the delay, or after a failure) rather than at once.</summary>
    public const string Hedged = "switchyard.race.hedged";

    /// <summary>The broker: <c>rabbitmq</c>, <c>servicebus</c>, <c>azure_queue</c> or <c>memory</c>.</summary>
    public const string MessagingSystem = "messaging.system";

    /// <summary>The queue (or topic/subscription) consumed.</summary>
    public const string MessagingDestination = "messaging.destination.name";

    /// <summary>The message's id.</summary>
    public const string MessagingMessageId = "messaging.message.id";

    /// <summary><c>process</c>: the span covers the processing of one delivered message.</summary>
    public const string MessagingOperationType = "messaging.operation.type";

    /// <summary>The delivery's number (1 the first time).</summary>
    public const string MessagingDeliveryCount = "messaging.delivery_count";

    /// <summary>The agent that consumed the message.</summary>
    public const string Agent = "switchyard.agent";

    /// <summary>How the message was settled: <c>ack</c>, <c>requeue</c>, <c>discard</c> or <c>dead_letter</c>.</summary>
    public const string Settlement = "switchyard.settlement";
}

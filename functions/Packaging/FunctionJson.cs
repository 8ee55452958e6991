using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The <c>function.json</c> files of a package: one HTTP function per endpoint and one catching every other route (all
/// proxied to the gateway as they are), and one trigger function per agent whose messages the Functions host delivers.
/// </summary>
internal static class FunctionJson
{
    /// <summary>The trigger's binding name: the key of the message in the invocation's <c>Data</c>.</summary>
    public const string MessageBinding = InvocationPayload.BindingName;

    /// <summary>The app setting holding the AMQP URI; the RabbitMQ extension 2.x takes nothing else.</summary>
    public const string RabbitMqConnectionSetting = "RabbitMQConnection";

    private static readonly string[] AllMethods = ["get", "post", "put", "patch", "delete", "head", "options"];

    /// <summary>
    /// The catch-all HTTP function (<see cref="FunctionNames.CatchAll"/>): every method and path no endpoint function
    /// takes.
    /// </summary>
    public static JsonObject CatchAll() => Http(FunctionRoute.CatchAll, AllMethods);

    /// <summary>The HTTP function of one endpoint: its route, and its method only.</summary>
    public static JsonObject ForEndpoint(EndpointFunction function) => Http(function.Route, [function.Method.ToLowerInvariant()]);

    /// <summary>
    /// The trigger function of <paramref name="agent"/>, or null for an agent the host cannot feed
    /// (<c>async/memory</c>: its broker lives inside one process). Triggers bind <c>dataType: binary</c> so the
    /// message reaches the handler as base64 of its exact bytes, not as a double-encoded string.
    /// </summary>
    public static JsonObject? ForAgent(AsyncAgentConfig agent)
    {
        if (agent.ServiceBus is { } serviceBus)
        {
            var trigger = Trigger(FunctionTriggers.ServiceBus);
            if (!string.IsNullOrEmpty(serviceBus.Queue))
            {
                trigger["queueName"] = serviceBus.Queue;
            }
            else
            {
                trigger["topicName"] = serviceBus.Topic;
                trigger["subscriptionName"] = serviceBus.Subscription;
            }

            trigger["connection"] = serviceBus.Connection;

            // A custom handler cannot settle a message itself: the host completes it on a 2xx and abandons it otherwise.
            trigger["autoCompleteMessages"] = true;
            return Bindings(trigger);
        }

        if (agent.AzureQueue is { } queue)
        {
            var trigger = Trigger(FunctionTriggers.StorageQueue);
            trigger["queueName"] = queue.Queue;
            trigger["connection"] = queue.Connection;
            return Bindings(trigger);
        }

        if (agent.Amqp is { } amqp)
        {
            var trigger = Trigger(FunctionTriggers.RabbitMq);
            trigger["queueName"] = amqp.Name;
            trigger["connectionStringSetting"] = RabbitMqConnectionSetting;
            return Bindings(trigger);
        }

        return null;
    }

    /// <summary>
    /// Exactly one <c>httpTrigger</c> in and one <c>http</c> out is what makes the host proxy the original request
    /// (path and query kept) instead of wrapping it in an invocation payload; anonymous because the gateway's own
    /// policies guard its endpoints.
    /// </summary>
    private static JsonObject Http(string route, IEnumerable<string> methods) => Bindings(
        new JsonObject
        {
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["name"] = "req",
            ["authLevel"] = "anonymous",
            ["methods"] = new JsonArray([.. methods.Select(m => JsonValue.Create(m))]),
            ["route"] = route,
        },
        new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" });

    private static JsonObject Trigger(string type) => new()
    {
        ["type"] = type,
        ["direction"] = "in",
        ["name"] = MessageBinding,
        ["dataType"] = "binary",
    };

    private static JsonObject Bindings(params JsonObject[] bindings) => new()
    {
        ["bindings"] = new JsonArray([.. bindings]),
    };
}

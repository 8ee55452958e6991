using System.Text.Json.Nodes;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The packaged <c>host.json</c>: the repository's template with the custom handler pointed at the published
/// executable and its configuration, HTTP proxied without the <c>/api</c> prefix, and the agents' consumer settings
/// mapped onto the host-wide settings of their trigger extensions.
/// </summary>
/// <remarks>
/// Trigger settings are per app, not per function: when agents of one kind ask for different values the largest is
/// taken, so no agent gets less concurrency or fewer deliveries than it configured (see the package's README).
/// </remarks>
internal static class HostJson
{
    /// <summary>The extension bundle carrying Service Bus 5.x, Storage Queues 5.x and RabbitMQ 2.x.</summary>
    public const string BundleVersion = "[4.*, 5.0.0)";

    /// <summary>The Storage Queues extension fetches at most 32 messages per batch.</summary>
    public const int MaxQueueBatchSize = 32;

    public static JsonObject Build(JsonObject template, IReadOnlyList<AsyncAgentConfig> agents)
    {
        var host = (JsonObject)template.DeepClone();
        host["version"] = "2.0";

        var handler = Object(host, "customHandler");
        var description = Object(handler, "description");
        description["defaultExecutablePath"] = PackageLayout.Executable;
        description["workingDirectory"] = PackageLayout.AppFolder;
        description["arguments"] = new JsonArray("run", "-c", PackageLayout.ConfigName);
        handler["enableProxyingHttpRequest"] = true;

        host["extensionBundle"] = new JsonObject
        {
            ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
            ["version"] = BundleVersion,
        };

        var extensions = Object(host, "extensions");

        // Endpoint paths stay as configured: /users/1, not /api/users/1.
        Object(extensions, "http")["routePrefix"] = "";
        AddServiceBus(extensions, [.. agents.Where(a => a.ServiceBus is not null)]);
        AddQueues(extensions, [.. agents.Where(a => a.AzureQueue is not null)]);
        AddRabbitMq(extensions, [.. agents.Where(a => a.Amqp is not null)]);
        return host;
    }

    private static void AddServiceBus(JsonObject extensions, AsyncAgentConfig[] agents)
    {
        if (agents.Length == 0)
        {
            return;
        }

        var serviceBus = Object(extensions, "serviceBus");
        serviceBus["maxConcurrentCalls"] = agents.Max(a => a.Consumer.Workers);
        serviceBus["autoCompleteMessages"] = true;
    }

    private static void AddQueues(JsonObject extensions, AsyncAgentConfig[] agents)
    {
        if (agents.Length == 0)
        {
            return;
        }

        var queues = Object(extensions, "queues");
        queues["batchSize"] = Math.Min(MaxQueueBatchSize, agents.Max(a => a.Consumer.Workers));
        var maxDeliveries = agents.Max(a => a.Consumer.MaxDeliveries);
        if (maxDeliveries > 0)
        {
            queues["maxDequeueCount"] = maxDeliveries;
        }

        // One setting for the app: the configuration validator makes every agent agree (base64 unless they say none).
        queues["messageEncoding"] = agents[0].AzureQueue!.MessageEncodingName;
    }

    private static void AddRabbitMq(JsonObject extensions, AsyncAgentConfig[] agents)
    {
        var prefetch = agents.Length == 0 ? 0 : agents.Max(a => a.Amqp!.PrefetchCount);
        if (prefetch > 0)
        {
            Object(extensions, "rabbitMQ")["prefetchCount"] = prefetch;
        }
    }

    /// <summary>The object under <paramref name="key"/>, created (or replacing a non-object) when missing.</summary>
    private static JsonObject Object(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}

using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The <c>main.parameters.json</c> for <c>bicep/main.bicep</c>: the app's name and the Service Bus and Storage queues
/// the configuration's agents consume, so every agent gets its queue, and with an active <c>tls</c> its
/// <c>min_version</c> as the app's <c>minTlsVersion</c> (the front end ends TLS in a function app), and with a durable pipe
/// <c>durable: true</c> (and <c>durableStorageAccountName</c> when the configuration names the engine's account, see
/// <see cref="PackagedDurable"/>). <c>location</c> is left to its default (the resource group's); RabbitMQ and in-process
/// agents need nothing from Azure.
/// </summary>
internal static class BicepParameters
{
    /// <summary>Service Bus's own default, used when an agent sets no <c>max_deliveries</c>.</summary>
    public const int DefaultMaxDeliveryCount = 10;

    public const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";

    public static JsonObject Build(string appName, IReadOnlyList<AsyncAgentConfig> agents, ServerTlsOptions? tls = null, PackagedDurable? durable = null)
    {
        // Keyed by entity so two agents sharing one get one queue, with the larger delivery count.
        var queues = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var topics = new SortedDictionary<(string Topic, string Subscription), int>();
        var storageQueues = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            var deliveries = agent.Consumer.MaxDeliveries > 0 ? agent.Consumer.MaxDeliveries : DefaultMaxDeliveryCount;
            if (agent.ServiceBus is { Queue: { Length: > 0 } queue })
            {
                queues[queue] = Math.Max(deliveries, queues.GetValueOrDefault(queue));
            }
            else if (agent.ServiceBus is { Topic: { } topic, Subscription: { } subscription })
            {
                topics[(topic, subscription)] = Math.Max(deliveries, topics.GetValueOrDefault((topic, subscription)));
            }
            else if (agent.AzureQueue is { } storageQueue)
            {
                storageQueues.Add(storageQueue.Queue);
            }
        }

        var parameters = new JsonObject
        {
            ["appName"] = Value(appName),
            ["serviceBusQueues"] = Value(new JsonArray([.. queues.Select(q => new JsonObject
            {
                ["name"] = q.Key,
                ["maxDeliveryCount"] = q.Value,
            })])),
            ["serviceBusTopics"] = Value(new JsonArray([.. topics.Select(t => new JsonObject
            {
                ["name"] = t.Key.Topic,
                ["subscription"] = t.Key.Subscription,
                ["maxDeliveryCount"] = t.Value,
            })])),
            ["storageQueues"] = Value(new JsonArray([.. storageQueues.Select(q => JsonValue.Create(q))])),
        };
        if (tls is { IsActive: true })
        {
            parameters["minTlsVersion"] = Value(MinTlsVersion(tls.MinVersion));
        }

        if (durable is not null)
        {
            parameters["durable"] = Value(true);
            if (durable.StorageAccount is { } account)
            {
                parameters["durableStorageAccountName"] = Value(account);
            }
        }

        return new JsonObject { ["$schema"] = Schema, ["contentVersion"] = "1.0.0.0", ["parameters"] = parameters };
    }

    /// <summary>The app setting's name for a version; SSL 3.0, which nothing speaks, starts at TLS 1.0 as it does standalone.</summary>
    public static string MinTlsVersion(TlsVersion version) => version switch
    {
        TlsVersion.Tls13 => "1.3",
        TlsVersion.Tls12 => "1.2",
        TlsVersion.Tls11 => "1.1",
        _ => "1.0",
    };

    private static JsonObject Value(JsonNode value) => new() { ["value"] = value };
}

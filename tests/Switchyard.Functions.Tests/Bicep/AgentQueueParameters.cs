using System.Text.Json.Nodes;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// The Service Bus and Storage queue parameters of <c>bicep/main.bicep</c> for a configuration's agents, as the
/// parameters contract states them: <c>serviceBusQueues</c> (<c>{name, maxDeliveryCount}</c>), <c>serviceBusTopics</c>
/// (<c>{name, subscription, maxDeliveryCount}</c>) and <c>storageQueues</c> (names). The tests' own statement of the
/// contract, to hold the template against; <c>switchyard package</c> writes the deployable file.
/// </summary>
internal static class AgentQueueParameters
{
    // Service Bus's own default; an agent without max_deliveries (KrakenD: requeue forever) cannot ask for infinity.
    private const int DefaultMaxDeliveryCount = 10;

    /// <summary>The three parameters, keyed by name, each an array.</summary>
    public static JsonObject For(IEnumerable<AsyncAgentConfig> agents)
    {
        var queues = new JsonArray();
        var topics = new JsonArray();
        var storageQueues = new JsonArray();
        foreach (var agent in agents)
        {
            var maxDeliveryCount = agent.Consumer.MaxDeliveries > 0 ? agent.Consumer.MaxDeliveries : DefaultMaxDeliveryCount;
            if (agent.ServiceBus is { Queue: { } queue })
            {
                queues.Add(new JsonObject { ["name"] = queue, ["maxDeliveryCount"] = maxDeliveryCount });
            }
            else if (agent.ServiceBus is { Topic: { } topic, Subscription: { } subscription })
            {
                topics.Add(new JsonObject { ["name"] = topic, ["subscription"] = subscription, ["maxDeliveryCount"] = maxDeliveryCount });
            }
            else if (agent.AzureQueue is { } azureQueue)
            {
                storageQueues.Add(azureQueue.Queue);
            }
        }

        return new JsonObject { ["serviceBusQueues"] = queues, ["serviceBusTopics"] = topics, ["storageQueues"] = storageQueues };
    }
}

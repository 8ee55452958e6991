using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// The Service Bus and Storage queue parameters of <c>bicep/main.bicep</c> for a configuration's agents
/// (<c>serviceBusQueues</c>, <c>serviceBusTopics</c>, <c>storageQueues</c>), as <c>switchyard package</c> writes them into
/// <c>main.parameters.json</c>, unwrapped from their <c>{"value": ...}</c>: what the template is held against.
/// </summary>
internal static class AgentQueueParameters
{
    /// <summary>The three parameters, keyed by name, each an array.</summary>
    public static JsonObject For(IEnumerable<AsyncAgentConfig> agents)
    {
        var parameters = BicepParameters.Build("switchyard", [.. agents])["parameters"]!.AsObject();
        var queues = new JsonObject();
        foreach (var name in new[] { "serviceBusQueues", "serviceBusTopics", "storageQueues" })
        {
            queues[name] = parameters[name]!["value"]!.DeepClone();
        }

        return queues;
    }
}

using Switchyard.Core.Agents;

namespace Switchyard.Functions.Admin;

/// <summary>The routing key to publish with when none is given.</summary>
internal static class RoutingKeys
{
    /// <summary>The agent's topic when it is a plain key; null when it has wildcards (a key must then be given).</summary>
    public static string? DefaultFor(AsyncAgentConfig agent)
    {
        var topic = agent.Consumer.Topic;
        return topic.Contains('*', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal) ? null : topic;
    }
}

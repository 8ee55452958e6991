using System.Collections.Concurrent;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Serverless;

/// <summary>The <see cref="TriggerFeed"/> of each agent, shared by the agent host (its runner) and the invocation routes.</summary>
internal sealed class TriggerFeeds
{
    private readonly ConcurrentDictionary<string, TriggerFeed> _feeds = new(StringComparer.Ordinal);

    public TriggerFeed For(AsyncAgentConfig agent) => _feeds.GetOrAdd(agent.Name, static _ => new TriggerFeed());
}

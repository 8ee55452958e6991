using System.Collections.Concurrent;

namespace Switchyard.Core.Health;

/// <summary>
/// The last time each async agent reported itself alive, for the health endpoint's <c>agents</c> map. Agents are
/// never removed: a dead agent keeps its stale time, which is how the health answer shows it stopped.
/// </summary>
public sealed class AgentHealthRegistry(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgentStatus> _statuses = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="agent"/> is alive now. Safe to call from any thread.</summary>
    public void Ping(string agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _lastPings[agent] = timeProvider.GetUtcNow();
    }

    /// <summary>Every agent that ever pinged and its last ping, ordered by name (ordinal).</summary>
    public IReadOnlyList<KeyValuePair<string, DateTimeOffset>> Snapshot()
    {
        var snapshot = _lastPings.ToArray();
        Array.Sort(snapshot, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return snapshot;
    }

    /// <summary>
    /// The status of <paramref name="agent"/>, created on first use: its runner updates it, the health endpoint reads it.
    /// </summary>
    public AgentStatus Status(string agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return _statuses.GetOrAdd(agent, static (_, time) => new AgentStatus(time), timeProvider);
    }

    /// <summary>Every agent with a status and a copy of it, ordered by name (ordinal).</summary>
    public IReadOnlyList<KeyValuePair<string, AgentStatusSnapshot>> StatusSnapshot()
    {
        var snapshot = _statuses.Select(static s => KeyValuePair.Create(s.Key, s.Value.Snapshot())).ToArray();
        Array.Sort(snapshot, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return snapshot;
    }
}

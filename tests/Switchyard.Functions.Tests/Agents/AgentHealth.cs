using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>One agent as the gateway's <c>/__health</c> shows it: its last ping time and its status object.</summary>
internal sealed record AgentHealth(string? LastPing, JsonNode? Status)
{
    public bool Connected => Status?["connected"]?.GetValue<bool>() ?? false;

    public long Count(string key) => Status?[key]?.GetValue<long>() ?? 0;

    public static async Task<AgentHealth> ReadAsync(TestGateway gateway, string agent)
    {
        var health = JsonNode.Parse(await gateway.Client.GetStringAsync("/__health"))!;
        return new AgentHealth(health["agents"]?[agent]?.GetValue<string>(), health["agent_status"]?[agent]);
    }

    /// <summary>Polls until <paramref name="done"/> holds, failing with the last reading after <paramref name="patience"/>.</summary>
    public static async Task<AgentHealth> UntilAsync(TestGateway gateway, string agent, Func<AgentHealth, bool> done, TimeSpan patience, string what)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            var health = await ReadAsync(gateway, agent);
            if (done(health))
            {
                return health;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "{0} within {1}; last reading: ping {2}, status {3}", what, patience, health.LastPing, health.Status?.ToJsonString());
            await Task.Delay(50);
        }
    }
}

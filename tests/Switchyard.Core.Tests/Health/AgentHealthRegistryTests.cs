using Switchyard.Core.Health;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Health;

public sealed class AgentHealthRegistryTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_registry_has_no_agents() =>
        new AgentHealthRegistry(new ManualTimeProvider(Start)).Snapshot().Should().BeEmpty();

    [Fact]
    public void A_ping_records_the_providers_time_and_a_later_ping_replaces_it()
    {
        var time = new ManualTimeProvider(Start);
        var registry = new AgentHealthRegistry(time);

        registry.Ping("orders");
        time.Advance(TimeSpan.FromSeconds(5));
        registry.Ping("orders");

        registry.Snapshot().Select(p => (p.Key, p.Value)).Should().Equal(("orders", Start.AddSeconds(5)));
    }

    [Fact]
    public void An_agent_that_stops_pinging_keeps_its_stale_time()
    {
        var time = new ManualTimeProvider(Start);
        var registry = new AgentHealthRegistry(time);
        registry.Ping("dead");
        time.Advance(TimeSpan.FromHours(1));
        registry.Ping("alive");

        registry.Snapshot().Select(p => (p.Key, p.Value)).Should().Equal(("alive", Start.AddHours(1)), ("dead", Start));
    }

    [Fact]
    public void The_snapshot_is_ordered_by_name_ordinally_and_does_not_change_afterwards()
    {
        var registry = new AgentHealthRegistry(new ManualTimeProvider(Start));
        registry.Ping("b");
        registry.Ping("B");
        registry.Ping("a");

        var snapshot = registry.Snapshot();
        registry.Ping("0");

        snapshot.Select(p => p.Key).Should().Equal("B", "a", "b");
    }

    [Fact]
    public async Task Concurrent_pings_from_many_agents_are_all_recorded()
    {
        var registry = new AgentHealthRegistry(new ManualTimeProvider(Start));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                registry.Ping($"agent-{(worker * 500) + i}");
            }
        })));

        registry.Snapshot().Should().HaveCount(4000);
    }
}

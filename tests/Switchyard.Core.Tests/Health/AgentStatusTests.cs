using Switchyard.Core.Health;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Health;

public sealed class AgentStatusTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_status_is_disconnected_with_nothing_counted() =>
        new AgentStatus(new ManualTimeProvider(Start)).Snapshot().Should().BeEquivalentTo(new AgentStatusSnapshot());

    [Fact]
    public void The_runner_updates_show_in_the_snapshot_with_the_time_of_the_last_error()
    {
        var time = new ManualTimeProvider(Start);
        var status = new AgentStatus(time);
        status.SetConnected(true);
        status.Reconnected();
        status.MessageStarted();
        status.MessageStarted();
        status.MessageEnded();
        status.Processed();
        status.Failed("invalid status code 500");
        time.Advance(TimeSpan.FromSeconds(3));
        status.DeadLettered("oversized message");

        status.Snapshot().Should().BeEquivalentTo(new AgentStatusSnapshot
        {
            Connected = true,
            Reconnects = 1,
            InFlight = 1,
            Processed = 1,
            Failed = 1,
            DeadLettered = 1,
            LastError = "oversized message",
            LastErrorAt = Start.AddSeconds(3),
        });
    }

    [Fact]
    public void A_snapshot_does_not_change_afterwards()
    {
        var status = new AgentStatus(new ManualTimeProvider(Start));
        var before = status.Snapshot();

        status.Processed();

        before.Processed.Should().Be(0);
    }

    [Fact]
    public async Task Counters_are_exact_under_concurrent_updates()
    {
        var status = new AgentStatus(new ManualTimeProvider(Start));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                status.MessageStarted();
                status.Processed();
                status.MessageEnded();
            }
        })));

        status.Snapshot().Should().Match<AgentStatusSnapshot>(s => s.Processed == 40_000 && s.InFlight == 0);
    }

    [Fact]
    public void The_registry_keeps_one_status_per_agent_and_lists_them_by_name()
    {
        var registry = new AgentHealthRegistry(new ManualTimeProvider(Start));
        registry.Status("orders").Processed();
        registry.Status("billing").SetConnected(true);

        registry.Status("orders").Should().BeSameAs(registry.Status("orders"));
        registry.StatusSnapshot().Select(s => (s.Key, s.Value.Processed, s.Value.Connected))
            .Should().Equal(("billing", 0L, true), ("orders", 1L, false));
    }

    [Fact]
    public void A_status_alone_does_not_add_an_agent_to_the_pings()
    {
        var registry = new AgentHealthRegistry(new ManualTimeProvider(Start));

        registry.Status("orders");

        registry.Snapshot().Should().BeEmpty();
    }
}

using System.Diagnostics;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Memory;

namespace Switchyard.Core.Tests.Agents;

/// <summary>The runner's life: graceful stop, reconnection, health pings, giving up.</summary>
public sealed class AgentRunnerLifecycleTests : AgentRunnerTestBase
{
    [Fact]
    public async Task A_graceful_stop_finishes_the_messages_in_the_pipe_and_leaves_the_rest_in_the_queue()
    {
        var backend = await BackendAsync("{}", delay: TimeSpan.FromMilliseconds(500));
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", Workers = 2 }));
        await ConnectedAsync(runner);
        for (var i = 0; i < 5; i++)
        {
            Publish($"{{\"n\":{i}}}");
        }

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().InFlight == 2);
        await runner.StopAsync(TimeSpan.FromSeconds(5));

        runner.Completion.IsCompleted.Should().BeTrue();
        var status = runner.Status.Snapshot();
        status.Should().BeEquivalentTo(new { Connected = false, Processed = 2L, Failed = 0L, InFlight = 0 });
        Queue().Should().Match<MemoryQueue>(q => q.ReadyCount == 3 && q.UnackedCount == 0);
        Publish("{\"after\":true}");
        await Task.Delay(200);
        backend.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Messages_still_in_the_pipe_at_the_stop_deadline_are_given_back()
    {
        var backend = await BackendAsync("{}", delay: TimeSpan.FromSeconds(10));
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", Timeout = TimeSpan.FromSeconds(30), MaxDeliveries = 1 }));
        await ConnectedAsync(runner);
        Publish("{}", id: "slow");
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().InFlight == 1);
        var clock = Stopwatch.StartNew();

        await runner.StopAsync(TimeSpan.FromMilliseconds(200));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        runner.Status.Snapshot().Should().BeEquivalentTo(new { Processed = 0L, Failed = 0L, DeadLettered = 0L });
        Queue().Peek().Should().ContainSingle().Which.Id.Should().Be("slow");
        _broker.FindQueue("orders.dead").Should().BeNull("an interrupted message is not the message's fault");
    }

    [Fact]
    public async Task The_agent_reconnects_after_the_broker_comes_back_and_loses_nothing()
    {
        var backend = await BackendAsync("{}");
        var runner = Run(Agent(backend.Host));
        await ConnectedAsync(runner);

        _broker.BeginOutage("broker restarting");
        await Eventually.HoldsAsync(() => !runner.Status.Snapshot().Connected, what: "the outage seen");
        Publish("{\"during\":\"outage\"}");
        await Task.Delay(300);
        backend.Received.Should().BeEmpty();
        _broker.EndOutage();

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1, what: "the message processed after reconnecting");
        var status = runner.Status.Snapshot();
        status.Connected.Should().BeTrue();
        status.Reconnects.Should().BeGreaterThanOrEqualTo(1);
        _logs.Should().Contain(l => l.Level == AgentLogLevel.Warning && l.Message == "connection lost: broker restarting");
    }

    [Fact]
    public async Task The_agent_pings_on_connect_and_every_health_interval_while_the_broker_answers()
    {
        var backend = await BackendAsync("{}");
        var agent = Agent(backend.Host) with { Connection = new AgentConnectionOptions { BackoffStrategy = "linear", HealthInterval = TimeSpan.FromSeconds(1) } };
        var runner = Run(agent);
        await ConnectedAsync(runner);
        var first = _health.Snapshot().Should().ContainSingle().Which.Value;

        await Eventually.HoldsAsync(() => _health.Snapshot()[0].Value > first, TimeSpan.FromSeconds(3), "a periodic ping");
        _broker.BeginOutage("down");
        await Eventually.HoldsAsync(() => !runner.Status.Snapshot().Connected);
        var lastBeforeOutage = _health.Snapshot()[0].Value;
        await Task.Delay(1500);

        _health.Snapshot()[0].Value.Should().Be(lastBeforeOutage, "no ping succeeds while the broker is down");
        _broker.EndOutage();
        await Eventually.HoldsAsync(() => _health.Snapshot()[0].Value > lastBeforeOutage, TimeSpan.FromSeconds(5), "a ping after the recovery");
    }

    [Fact]
    public async Task After_max_retries_the_agent_stops_with_an_error_and_other_agents_keep_working()
    {
        var backend = await BackendAsync("{}");
        var attempts = 0;
        var failing = Run(
            Agent(backend.Host, name: "broken", backoff: "linear-jitter") with { Connection = new AgentConnectionOptions { BackoffStrategy = "linear-jitter", MaxRetries = 2 } },
            () =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("connection refused");
            },
            random: () => 0);
        var healthy = Run(Agent(backend.Host));

        await failing.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        // linear-jitter at the lowest jitter: 1 ms, 0.67 s, 1.34 s before the three attempts of max_retries = 2.
        Volatile.Read(ref attempts).Should().Be(3);
        failing.Status.Snapshot().LastError.Should().Be(AgentRunner.TooManyRetries);
        _logs.Should().Contain(l => l.Level == AgentLogLevel.Error && l.Agent == "broken" && l.Message.StartsWith(AgentRunner.TooManyRetries));
        _logs.Should().Contain(l => l.Level == AgentLogLevel.Warning && l.Message == "connection attempt failed: connection refused");
        Publish("{}");
        await Eventually.HoldsAsync(() => healthy.Status.Snapshot().Processed == 1);
        _health.StatusSnapshot().Select(s => s.Key).Should().Equal("broken", "orders");
    }
}

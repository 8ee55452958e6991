using System.Diagnostics;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Memory;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents;

/// <summary>What the runner does with each message: settlement, limits, concurrency, rate.</summary>
public sealed class AgentRunnerTests : AgentRunnerTestBase
{
    [Fact]
    public async Task A_processed_message_reaches_the_backend_with_its_headers_and_is_acked()
    {
        var backend = await BackendAsync("{\"ok\":true}");
        var runner = Run(Agent(backend.Host));
        await ConnectedAsync(runner);

        Publish("{\"order\":42}", headers: new Dictionary<string, string> { ["tenant"] = "acme" }, id: "m-1");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1);
        var request = backend.Received.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Target.Should().Be("/hook");
        request.Body.Should().Be("{\"order\":42}");
        request.Headers["X-Message-Id"].ToString().Should().Be("m-1");
        request.Headers["X-Message-Routing-Key"].ToString().Should().Be("orders.created");
        request.Headers["X-Message-Header-tenant"].ToString().Should().Be("acme");
        request.Headers.ContentType.ToString().Should().Be("application/json");
        Queue().Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
        runner.Status.Snapshot().Should().BeEquivalentTo(new { Connected = true, Processed = 1L, Failed = 0L, DeadLettered = 0L, InFlight = 0 });
    }

    [Fact]
    public async Task A_failing_backend_gets_the_message_again_until_it_succeeds()
    {
        var calls = 0;
        var backend = await BackendAsync(context => TestBackend.Json(context, "{}", Interlocked.Increment(ref calls) <= 2 ? 500 : 200));
        var runner = Run(Agent(backend.Host));

        Publish("{\"n\":1}");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1);
        backend.Received.Select(r => r.Body).Should().Equal("{\"n\":1}", "{\"n\":1}", "{\"n\":1}");
        var status = runner.Status.Snapshot();
        status.Failed.Should().Be(2);
        status.LastError.Should().StartWith("invalid status code 500 [POST /hook]");
        Queue().Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
    }

    [Fact]
    public async Task After_max_deliveries_the_message_is_dead_lettered_with_the_error_as_reason()
    {
        var backend = await BackendAsync("{}", status: 503);
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", MaxDeliveries = 3 }));

        Publish("{\"poison\":true}", id: "p-1");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().DeadLettered == 1);
        backend.Received.Should().HaveCount(3);
        Queue().Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
        var dead = Queue("orders.dead").Peek().Should().ContainSingle().Subject;
        dead.Id.Should().Be("p-1");
        dead.Headers[DeadLetterHeaders.Reason].Should().Be($"invalid status code 503 [POST /hook]: {backend.Host}/hook");
        dead.Headers[DeadLetterHeaders.Deliveries].Should().Be("3");
        runner.Status.Snapshot().Failed.Should().Be(3);
        _logs.Should().Contain(l => l.Level == AgentLogLevel.Warning && l.Message.Contains("dead-lettered after 3 deliveries"));
    }

    [Fact]
    public async Task With_nack_discard_a_failed_message_is_dropped()
    {
        var backend = await BackendAsync("{}", status: 500);
        var runner = Run(Agent(backend.Host) with { Amqp = new AmqpDriverOptions { NackDiscard = true } });

        Publish("{}");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Failed == 1);
        await Task.Delay(200);
        backend.Received.Should().ContainSingle();
        Queue().Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
    }

    [Fact]
    public async Task An_oversized_message_is_dead_lettered_without_calling_the_backend()
    {
        var backend = await BackendAsync("{}");
        var runner = Run(Agent(backend.Host));
        await ConnectedAsync(runner);

        _broker.Publish("ex", "orders.big", new byte[AgentRunner.MaxMessageBytes + 1]);

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().DeadLettered == 1);
        backend.Received.Should().BeEmpty();
        Queue("orders.dead").Peek().Should().ContainSingle().Which.Headers[DeadLetterHeaders.Reason].Should().Be(AgentRunner.OversizedReason);
    }

    [Fact]
    public async Task A_message_slower_than_the_consumer_timeout_fails_with_a_deadline()
    {
        var backend = await BackendAsync("{}", delay: TimeSpan.FromSeconds(5));
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", Timeout = TimeSpan.FromMilliseconds(200), MaxDeliveries = 1 }));
        var clock = Stopwatch.StartNew();

        Publish("{}");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().DeadLettered == 1);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        Queue("orders.dead").Peek().Should().ContainSingle().Which.Headers[DeadLetterHeaders.Reason].Should().Be("context deadline exceeded");
    }

    [Fact]
    public async Task Workers_process_messages_concurrently_and_never_more_than_configured()
    {
        var peak = 0;
        var backend = await BackendAsync(Concurrency(n => InterlockedMax(ref peak, n), TimeSpan.FromMilliseconds(600)));
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", Workers = 4 }));
        await ConnectedAsync(runner);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 8; i++)
        {
            Publish($"{{\"n\":{i}}}");
        }

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 8);

        // Eight 600 ms messages on four workers take two slots (1.2 s), where one worker would take 4.8 s.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        Volatile.Read(ref peak).Should().Be(4);
    }

    [Fact]
    public async Task One_worker_processes_one_message_at_a_time()
    {
        var peak = 0;
        var backend = await BackendAsync(Concurrency(n => InterlockedMax(ref peak, n), TimeSpan.FromMilliseconds(100)));
        var runner = Run(Agent(backend.Host));
        await ConnectedAsync(runner);

        for (var i = 0; i < 4; i++)
        {
            Publish("{}");
        }

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 4);
        Volatile.Read(ref peak).Should().Be(1);
    }

    [Fact]
    public async Task Max_rate_lets_a_full_bucket_through_then_paces_at_the_rate()
    {
        // The agent's clock moves only when the test moves it, so the pacing is exact whatever the machine's load.
        var clock = new TimerTimeProvider();
        var backend = await BackendAsync(context => TestBackend.Json(context, "{}"));
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", Workers = 8, MaxRate = 20 }), time: clock);
        await ConnectedAsync(runner);
        for (var i = 0; i < 61; i++)
        {
            Publish("{}");
        }

        // A full bucket: 20 at once, then every worker waits for a token.
        await ProcessedStaysAtAsync(runner, 20);

        // Each second adds 20 tokens: 20 more messages, never 21.
        clock.Advance(TimeSpan.FromSeconds(1));
        await ProcessedStaysAtAsync(runner, 40);
        clock.Advance(TimeSpan.FromMilliseconds(950));
        await ProcessedStaysAtAsync(runner, 59);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await ProcessedStaysAtAsync(runner, 61);
    }

    private static async Task ProcessedStaysAtAsync(AgentRunner runner, int processed)
    {
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == processed, what: $"{processed} messages processed");

        // The workers are waiting on timers of the manual clock: nothing more may start until it moves.
        await Task.Delay(200);
        runner.Status.Snapshot().Processed.Should().Be(processed);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

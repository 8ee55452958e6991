using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Memory;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents;

/// <summary>The runner against the embedded broker and a real loopback backend.</summary>
public sealed class AgentRunnerTests : IAsyncDisposable
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    private readonly MemoryBroker _broker = new();
    private readonly AgentHealthRegistry _health = new(TimeProvider.System);
    private readonly ConcurrentQueue<(AgentLogLevel Level, string Agent, string Message)> _logs = new();
    private readonly List<AgentRunner> _runners = [];
    private readonly List<TestBackend> _backends = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            await runner.DisposeAsync();
        }

        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    private async Task<TestBackend> BackendAsync(Func<HttpContext, Task>? respond = null)
    {
        var backend = await TestBackend.StartAsync(respond);
        _backends.Add(backend);
        return backend;
    }

    private async Task<TestBackend> BackendAsync(string body, int status = 200, TimeSpan delay = default)
    {
        var backend = await TestBackend.StartAsync(body, status, delay);
        _backends.Add(backend);
        return backend;
    }

    private static AsyncAgentConfig Agent(string host, AgentConsumerOptions? consumer = null, string name = "orders", string backoff = "linear") =>
        new()
        {
            Name = name,
            Connection = new AgentConnectionOptions { BackoffStrategy = backoff },
            Consumer = consumer ?? new AgentConsumerOptions { Topic = "orders.#" },
            Pipe = new EndpointConfig
            {
                Endpoint = $"/__agent/{name}",
                Backends = [new BackendConfig { Host = [host], UrlPattern = "/hook", Method = "POST" }],
            },
            Memory = new MemoryDriverOptions { Exchange = "ex" },
        };

    private AgentRunner Run(AsyncAgentConfig agent, Func<IMessageSource>? connect = null, Func<double>? random = null)
    {
        if (connect is null)
        {
            // As the host does at startup: messages published before the first connection are kept.
            MemoryMessageSource.Declare(_broker, agent);
        }

        var pipe = new ProxyFactory(Client, DecoderRegistry.Default).CreateEndpoint(agent.Pipe);
        var runner = new AgentRunner(
            agent,
            pipe,
            connect ?? (() => MemoryMessageSource.Create(_broker, agent)),
            _health,
            new AgentRunnerOptions { Log = (level, name, message, _) => _logs.Enqueue((level, name, message)), Random = random });
        _runners.Add(runner);
        runner.Start();
        return runner;
    }

    private void Publish(string body, string routingKey = "orders.created", IReadOnlyDictionary<string, string>? headers = null, string? id = null) =>
        _broker.Publish("ex", routingKey, System.Text.Encoding.UTF8.GetBytes(body), "application/json", headers, id).Should().Be(1);

    private MemoryQueue Queue(string name = "orders") => _broker.FindQueue(name)!;

    private static Task ConnectedAsync(AgentRunner runner) =>
        Eventually.HoldsAsync(() => runner.Status.Snapshot().Connected, what: "the agent's connection");

    private static Func<HttpContext, Task> Concurrency(Action<int> observe, TimeSpan delay)
    {
        var running = 0;
        return async context =>
        {
            observe(Interlocked.Increment(ref running));
            await Task.Delay(delay);
            Interlocked.Decrement(ref running);
            await TestBackend.Json(context, "{}");
        };
    }

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
    public async Task Max_rate_holds_within_ten_percent_after_the_initial_burst()
    {
        var arrivals = new ConcurrentQueue<long>();
        var backend = await BackendAsync(context =>
        {
            arrivals.Enqueue(Stopwatch.GetTimestamp());
            return TestBackend.Json(context, "{}");
        });
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", Workers = 8, MaxRate = 20 }));

        // Warm up: the workers' connections to the backend are opened, then the bucket refills.
        for (var i = 0; i < 8; i++)
        {
            Publish("{}");
        }

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 8);
        await Task.Delay(1500);
        arrivals.Clear();

        // A full bucket lets 20 through at once; the next 41 are paced at 20/s: 2.05 s.
        for (var i = 0; i < 61; i++)
        {
            Publish("{}");
        }

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 69);
        var times = arrivals.Order().ToArray();
        Stopwatch.GetElapsedTime(times[0], times[19]).Should().BeLessThan(TimeSpan.FromMilliseconds(500));
        var elapsed = Stopwatch.GetElapsedTime(times[0], times[60]);
        (41 / elapsed.TotalSeconds).Should().BeApproximately(20, 2);
    }

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

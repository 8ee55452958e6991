using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;
using Xunit.Abstractions;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The real gateway with an <c>async/amqp</c> agent on a private RabbitMQ node, calling a real loopback backend:
/// delivery of every message, <c>max_rate</c>, <c>workers</c>, redelivery and dead-lettering, a graceful stop, an
/// unreachable broker beside a working one, and a broker outage while consuming.
/// </summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpAgentTests(RabbitMqServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ten_thousand_published_messages_all_reach_the_backend_and_the_queue_ends_empty()
    {
        const int count = 10_000;
        var scenario = AmqpAgentScenario.Create(server, durable: true);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var backend = await MessageBackend.StartAsync();
        var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "workers": 16, "timeout": "10s" """));
        try
        {
            var clock = Stopwatch.StartNew();
            await broker.PublishAsync("bulk", count);
            var published = clock.Elapsed;
            var health = await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") >= count, Patience, "every message processed");
            output.WriteLine($"{count} messages: published (confirmed) in {published.TotalSeconds:F1} s, all processed after {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:F0} msg/s), {backend.Requests} backend requests");

            backend.Missing(Enumerable.Range(0, count).Select(i => AmqpTestBroker.MessageId("bulk", i))).Should().BeEmpty();
            health.Count("failed").Should().Be(0);
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        // With the gateway gone, any message it had taken without acking would be ready again.
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
    }

    [Fact]
    public async Task Max_rate_holds_the_delivery_rate_after_the_initial_burst()
    {
        const int rate = 50;
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await broker.PublishAsync("rated", 220);
        await using var backend = await MessageBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, $""" "workers": 8, "max_rate": {rate} """));

        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") >= 220, Patience, "220 messages processed");

        // The bucket starts full (a burst of `rate` messages, its capacity); every later message waits for a token. Over
        // the whole run, then, (messages - capacity) / elapsed is the refill rate. A stall of the machine can only waste
        // tokens (lower the figure), never add any, so the whole run shows the bucket's promise, an upper bound. No slack
        // is shown by the typical gap between the later messages, which a stall here and there does not move.
        var arrivals = backend.Arrivals;
        var elapsed = arrivals[^1] - arrivals[0];
        var measured = (arrivals.Count - rate) / elapsed.TotalSeconds;
        var gaps = arrivals.Skip(rate).Zip(arrivals.Skip(rate + 1), (a, b) => (b - a).TotalMilliseconds).Order().ToArray();
        var medianGap = gaps[gaps.Length / 2];
        output.WriteLine($"max_rate {rate}: {measured:F1} msg/s over {arrivals.Count} arrivals in {elapsed.TotalSeconds:F2} s, median gap {medianGap:F1} ms; burst: 50 in {(arrivals[49] - arrivals[0]).TotalMilliseconds:F0} ms");
        measured.Should().BeLessThanOrEqualTo(rate * 1.1, "the bucket never gives more than its rate");
        medianGap.Should().BeLessThanOrEqualTo(1000.0 / rate * 1.15, "a message goes as soon as its token is there");
    }

    [Fact]
    public async Task Workers_process_messages_concurrently_up_to_their_number()
    {
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await broker.PublishAsync("parallel", 16);
        await using var backend = await MessageBackend.StartAsync(delay: TimeSpan.FromMilliseconds(200));
        await using var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "workers": 8 """));

        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") == 16, Patience, "16 messages processed");

        var took = backend.Completions[^1] - backend.Arrivals[0];
        output.WriteLine($"16 messages of 200 ms with 8 workers: {took.TotalMilliseconds:F0} ms, at most {backend.MaxConcurrent} at once");
        backend.MaxConcurrent.Should().Be(8);
        took.Should().BeGreaterThan(TimeSpan.FromMilliseconds(380), "two rounds of 200 ms: never more than 8 at once");
    }

    [Fact]
    public async Task A_failing_backend_gets_the_message_again_until_it_succeeds()
    {
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var backend = await MessageBackend.StartAsync(status: (_, delivery) => delivery < 3 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        await using var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "workers": 1 """));
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected, Patience, "connected");

        await broker.PublishAsync("flaky", 1);

        var health = await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") == 1, Patience, "the message processed");
        backend.DeliveriesOf("flaky-0").Should().Be(3, "two failures nacked with requeue, then a success");
        health.Count("failed").Should().Be(2);
        health.Count("dead_lettered").Should().Be(0);
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_max_deliveries_with_its_reason()
    {
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var backend = await MessageBackend.StartAsync(status: (_, _) => StatusCodes.Status503ServiceUnavailable);
        await using var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "workers": 2, "max_deliveries": 3 """));
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected, Patience, "connected");

        await broker.PublishAsync("poison", 1);

        var health = await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("dead_lettered") == 1, Patience, "the message dead-lettered");
        backend.DeliveriesOf("poison-0").Should().Be(3);
        health.Count("failed").Should().Be(3);
        health.Count("processed").Should().Be(0);
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
        var dead = await broker.GetAsync(scenario.DeadQueue);
        dead.Should().NotBeNull("the message is kept in {0}", scenario.DeadQueue);
        dead!.BasicProperties.MessageId.Should().Be("poison-0");
        System.Text.Encoding.UTF8.GetString(dead.Body.Span).Should().Be("""{"n":0}""");
        var reason = System.Text.Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["x-switchyard-reason"]!);
        reason.Should().Contain("invalid status code 503");
        output.WriteLine($"dead-letter reason: {reason}");
    }

    [Fact]
    public async Task Stopping_the_gateway_finishes_the_messages_in_flight_and_gives_back_the_others()
    {
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await broker.PublishAsync("drain", 40);
        await using var backend = await MessageBackend.StartAsync(delay: TimeSpan.FromMilliseconds(300));
        var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "workers": 4 """));
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") >= 4 && h.Count("in_flight") == 4, Patience, "a second round in the pipe");

        var clock = Stopwatch.StartNew();
        await gateway.DisposeAsync();
        output.WriteLine($"stopped in {clock.Elapsed.TotalMilliseconds:F0} ms; {backend.DistinctMessages} of 40 reached the backend");

        clock.Elapsed.Should().BeLessThan(AgentHostService.DrainTimeout, "the messages in flight finish well before the drain deadline");
        backend.Requests.Should().Be(backend.DistinctMessages, "no message went through the pipe twice");
        backend.Completions.Should().HaveCount(backend.Requests, "every message in flight was allowed to finish");
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be((uint)(40 - backend.DistinctMessages),
            "the finished ones are acked, every other one is back in the queue");
    }

    [Fact]
    public async Task An_agent_whose_broker_is_down_holds_up_neither_the_other_agents_nor_the_endpoints()
    {
        var working = AmqpAgentScenario.Create(server);
        var unreachable = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(working);
        await broker.PublishAsync("beside", 100);
        await using var backend = await MessageBackend.StartAsync();
        await using var pingBackend = await TestBackend.StartAsync("""{"pong":true}""");
        var downHost = ClosedPort.Host().Replace("http://", "amqp://guest:guest@", StringComparison.Ordinal) + "/";
        var config = $$"""
            {"version": 3,
             "endpoints": [{"endpoint": "/ping", "backend": [{"host": ["{{pingBackend.Host}}"], "url_pattern": "/"}]}],
             "async_agent": [
               {{unreachable.AgentJson(backend.Host, """ "workers": 2 """, amqpHost: downHost)}},
               {{working.AgentJson(backend.Host, """ "workers": 4 """)}} ]}
            """;
        await using var gateway = await TestGateway.StartAsync(config);

        var clock = Stopwatch.StartNew();
        (await gateway.Client.GetAsync("/ping")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        await AgentHealth.UntilAsync(gateway, working.Agent, h => h.Count("processed") == 100, Patience, "the working agent's messages processed");
        var down = await AgentHealth.UntilAsync(gateway, unreachable.Agent, h => h.Status?["last_error"] is not null, Patience, "the unreachable agent's error shown");
        down.Connected.Should().BeFalse();
        down.Status!["last_error"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        backend.Missing(Enumerable.Range(0, 100).Select(i => AmqpTestBroker.MessageId("beside", i))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_agent_reconnects_by_itself_after_a_broker_outage_and_loses_no_message()
    {
        var scenario = AmqpAgentScenario.Create(server, durable: true);
        await using var backend = await MessageBackend.StartAsync(delay: TimeSpan.FromMilliseconds(20));
        var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "workers": 4, "timeout": "5s" """));
        try
        {
            await using (var before = await AmqpTestBroker.ConnectAsync(scenario))
            {
                await before.PublishAsync("outage", 300);
            }

            await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") >= 50, Patience, "consuming");
            var down = await BrokerOutageAsync(gateway, scenario.Agent, backend);

            var clock = Stopwatch.StartNew();
            var up = await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected && h.LastPing != down.LastPing, Patience, "the agent back");
            output.WriteLine($"reconnected {clock.Elapsed.TotalSeconds:F1} s after start_app: {up.Status?.ToJsonString()}");
            up.Count("reconnects").Should().BeGreaterThanOrEqualTo(1);

            await using (var after = await AmqpTestBroker.ConnectAsync(scenario))
            {
                await after.PublishAsync("outage", 100, first: 300);
            }

            var expected = Enumerable.Range(0, 400).Select(i => AmqpTestBroker.MessageId("outage", i)).ToList();
            var deadline = DateTimeOffset.UtcNow + Patience;
            while (backend.Missing(expected).Count > 0 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            backend.Missing(expected).Should().BeEmpty("every message published before and after the outage is delivered");
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        // With the gateway gone, a message taken but not acked (a redelivery still in the pipe) would be ready again.
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
    }

    /// <summary>
    /// Stops the broker while the agent consumes, checks that <c>/__health</c> shows it (not connected, an error, a ping
    /// time that no longer advances), then starts the broker again; returns the reading taken during the outage.
    /// </summary>
    private async Task<AgentHealth> BrokerOutageAsync(TestGateway gateway, string agent, MessageBackend backend)
    {
        var clock = Stopwatch.StartNew();
        await server.StopAppAsync();
        try
        {
            var down = await AgentHealth.UntilAsync(gateway, agent, h => !h.Connected, Patience, "the outage shown");
            output.WriteLine($"outage seen {clock.Elapsed.TotalSeconds:F1} s after stop_app began, {backend.DistinctMessages} of 300 delivered: {down.Status?.ToJsonString()}");
            down.Status!["last_error"]!.GetValue<string>().Should().NotBeNullOrEmpty();
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            (await AgentHealth.ReadAsync(gateway, agent)).LastPing.Should().Be(down.LastPing, "no ping succeeds while the broker is down");
            return down;
        }
        finally
        {
            await server.StartAppAsync();
        }
    }
}

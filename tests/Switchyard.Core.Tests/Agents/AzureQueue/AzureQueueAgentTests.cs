using System.Diagnostics;
using System.Globalization;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.AzureQueue;
using Switchyard.Testing;
using Xunit.Abstractions;

namespace Switchyard.Core.Tests.Agents.AzureQueue;

/// <summary>The runner with the Storage queue driver against Azurite and a loopback backend.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureQueueAgentTests(AzuriteServer azurite, ITestOutputHelper output) : AgentRunnerTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_thousand_messages_are_all_delivered_and_deleted_from_the_queue()
    {
        const int Messages = 1000;
        var backend = await BackendAsync("{}");
        var agent = AzureQueueTestAgents.Create(azurite, backend.Host, new AgentConsumerOptions
        {
            Workers = 16,
            Timeout = TimeSpan.FromSeconds(5),
            MaxDeliveries = AzureQueueDriverOptions.DefaultMaxDeliveries,
        });
        var bodies = Enumerable.Range(0, Messages).Select(n => "{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + "}").ToList();
        var queue = await AzureQueueTestAgents.SendAsync(azurite, agent, bodies);

        var clock = Stopwatch.StartNew();
        var runner = Run(agent, () => new AzureQueueMessageSource(agent));
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed >= Messages, Patience, "every message processed");
        output.WriteLine($"{Messages} messages through 16 workers in {clock.Elapsed.TotalSeconds:F1} s; {backend.Received.Count} requests");

        var received = backend.Received.ToList();
        received.Select(request => request.Headers["X-Message-Id"].ToString()).Distinct().Should().HaveCount(Messages, "each message has its own id");
        received.Select(request => request.Body).Should().BeEquivalentTo(bodies, "each body arrives once, decoded from base64");
        (await AzureQueueTestAgents.CountAsync(queue)).Should().Be(0, "an acknowledged message is deleted");
        (await AzureQueueTestAgents.Queue(azurite, agent, poison: true).ExistsAsync()).Value.Should().BeFalse("nothing was poisoned");
        runner.Status.Snapshot().Should().Match<Switchyard.Core.Health.AgentStatusSnapshot>(status => status.Connected && status.Failed == 0 && status.DeadLettered == 0);
    }

    [Fact]
    public async Task A_failing_backend_gets_each_message_max_deliveries_times_then_it_goes_to_the_poison_queue_unchanged()
    {
        const int Messages = 5;
        var backend = await BackendAsync("""{"error":"down"}""", status: 503);
        var agent = AzureQueueTestAgents.Create(azurite, backend.Host);
        var bodies = Enumerable.Range(0, Messages).Select(n => "job " + n.ToString(CultureInfo.InvariantCulture)).ToList();
        await AzureQueueTestAgents.SendAsync(azurite, agent, bodies);

        var clock = Stopwatch.StartNew();
        var runner = Run(agent, () => new AzureQueueMessageSource(agent));
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().DeadLettered == Messages, Patience, "every message poisoned");
        output.WriteLine($"{Messages} messages poisoned after {backend.Received.Count} deliveries in {clock.Elapsed.TotalSeconds:F1} s");

        backend.Received.GroupBy(request => request.Headers["X-Message-Id"].ToString())
            .Should().HaveCount(Messages).And.OnlyContain(deliveries => deliveries.Count() == AzureQueueDriverOptions.DefaultMaxDeliveries);
        var poisoned = await AzureQueueTestAgents.DrainAsync(AzureQueueTestAgents.Queue(azurite, agent, poison: true));
        poisoned.Select(message => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString())))
            .Should().BeEquivalentTo(bodies, "the poison queue holds each message as it was sent, still base64");
        (await AzureQueueTestAgents.CountAsync(AzureQueueTestAgents.Queue(azurite, agent))).Should().Be(0);
        runner.Status.Snapshot().LastError.Should().Contain("503");
        _logs.Should().Contain(log => log.Level == AgentLogLevel.Warning && log.Message.Contains("dead-lettered after 5 deliveries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_text_bodies_are_read_as_they_are_with_message_encoding_none()
    {
        var backend = await BackendAsync("{}");
        var agent = AzureQueueTestAgents.Create(azurite, backend.Host, encoding: AzureQueueMessageEncoding.None);
        var queue = AzureQueueTestAgents.Queue(azurite, agent);
        await queue.CreateAsync();
        await queue.SendMessageAsync("""{"plain":"text"}""");

        var runner = Run(agent, () => new AzureQueueMessageSource(agent));
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1, Patience, "the message processed");

        backend.Received.Single().Body.Should().Be("""{"plain":"text"}""");
    }

    [Fact]
    public async Task A_text_that_is_not_base64_goes_to_the_poison_queue_at_once_and_the_next_messages_still_flow()
    {
        var backend = await BackendAsync("{}");
        var agent = AzureQueueTestAgents.Create(azurite, backend.Host);
        var queue = await AzureQueueTestAgents.SendAsync(azurite, agent, ["fine"]);
        await queue.SendMessageAsync("not base64!");

        var runner = Run(agent, () => new AzureQueueMessageSource(agent, log: (level, name, message, _) => _logs.Enqueue((level, name, message))));
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1, Patience, "the valid message processed");
        var poison = AzureQueueTestAgents.Queue(azurite, agent, poison: true);
        await Eventually.HoldsAsync(() => poison.Exists().Value && AzureQueueTestAgents.CountAsync(poison).Result == 1, Patience, "the invalid text poisoned");

        backend.Received.Select(request => request.Body).Should().Equal("fine");
        (await AzureQueueTestAgents.DrainAsync(poison)).Single().Body.ToString().Should().Be("not base64!");
        await Eventually.HoldsAsync(() => _logs.Any(log => log.Message.Contains("is not base64", StringComparison.Ordinal)), what: "the poisoned text logged");
    }

    [Fact]
    public async Task A_message_held_longer_than_its_lease_by_the_rate_limit_is_renewed_and_never_visible_to_another_consumer()
    {
        // One worker, one message every 15 s: the second waits for its token holding a lease of 1 s + 10 s.
        var backend = await BackendAsync("{}");
        var agent = AzureQueueTestAgents.Create(azurite, backend.Host, new AgentConsumerOptions
        {
            Workers = 1,
            Timeout = TimeSpan.FromSeconds(1),
            MaxRate = 1 / 15.0,
            MaxDeliveries = AzureQueueDriverOptions.DefaultMaxDeliveries,
        });
        AzureQueueMessageSource.LeaseOf(agent.Consumer.Timeout).Should().Be(TimeSpan.FromSeconds(11));
        var queue = await AzureQueueTestAgents.SendAsync(azurite, agent, ["first", "second"]);

        var runner = Run(agent, () => new AzureQueueMessageSource(agent));
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1, Patience, "the first message processed");
        var clock = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => AzureQueueTestAgents.CountAsync(queue).Result == 0, Patience, "the second message received");
        while (runner.Status.Snapshot().Processed == 1)
        {
            (await queue.PeekMessagesAsync()).Value.Should().BeEmpty("the held message's lease is renewed ({0:F1} s after it was received)", clock.Elapsed.TotalSeconds);
            await Task.Delay(250);
        }

        output.WriteLine($"the second message was held {clock.Elapsed.TotalSeconds:F1} s");
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(11), "the wait outlived the first lease");
        // A Storage queue promises no order: each message once is what the renewed lease guarantees.
        backend.Received.Select(request => request.Body).Should().BeEquivalentTo(["first", "second"], "each message is delivered once");
    }

    [Fact]
    public async Task Storage_going_away_disconnects_the_agent_which_reconnects_with_its_backoff_and_consumes_again()
    {
        await using var own = await AzuriteServer.StartAsync();
        var backend = await BackendAsync("{}");
        var agent = AzureQueueTestAgents.Create(own, backend.Host);
        var runner = Run(agent, () => new AzureQueueMessageSource(agent));
        await ConnectedAsync(runner);

        await own.StopAsync();
        await Eventually.HoldsAsync(() => !runner.Status.Snapshot().Connected, TimeSpan.FromSeconds(30), "the agent disconnected");
        runner.Status.Snapshot().LastError.Should().StartWith("receiving failed");
        await Task.Delay(TimeSpan.FromSeconds(2));
        _logs.Should().Contain(log => log.Message.StartsWith("connection attempt failed", StringComparison.Ordinal), "it keeps trying while storage is down");

        await own.StartAgainAsync();
        await Eventually.HoldsAsync(() => runner.Status.Snapshot() is { Connected: true, Reconnects: 1 }, TimeSpan.FromSeconds(30), "the agent reconnected");
        await AzureQueueTestAgents.SendAsync(own, agent, ["after the outage"]);
        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Processed == 1, Patience, "the message sent after the outage processed");
        backend.Received.Select(request => request.Body).Should().Equal("after the outage");
    }
}

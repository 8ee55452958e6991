using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Core.Agents.Memory;

namespace Switchyard.Core.Tests.Agents.Memory;

public sealed class MemoryBrokerTests
{
    private readonly MemoryBroker _broker = new();

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private int Publish(string body, string routingKey = "orders.created", string? id = null) =>
        _broker.Publish("ex", routingKey, Bytes(body), "text/plain", messageId: id);

    private async Task<(MemoryMessageSource Source, Inbox Inbox)> ConsumeAsync(string queue = "q", string topic = "orders.*", int prefetch = 10)
    {
        var inbox = new Inbox();
        var source = new MemoryMessageSource(_broker, queue, "ex", topic);
        await source.StartAsync(inbox.Handler, prefetch, CancellationToken.None);
        return (source, inbox);
    }

    [Fact]
    public void A_message_goes_once_to_every_queue_with_a_matching_binding()
    {
        _broker.DeclareExchange("ex");
        foreach (var (queue, topic) in new[] { ("all", "#"), ("orders", "orders.*"), ("users", "users.*"), ("twice", "orders.#") })
        {
            _broker.DeclareQueue(queue);
            _broker.Bind(queue, "ex", topic);
        }

        _broker.Bind("twice", "ex", "*.created");

        Publish("x").Should().Be(3);

        _broker.Queues().Select(q => (q.Name, q.ReadyCount)).Should().Equal(("all", 1), ("orders", 1), ("twice", 1), ("users", 0));
    }

    [Fact]
    public void An_unroutable_message_is_reported_and_not_stored()
    {
        Publish("no exchange").Should().Be(0);
        _broker.DeclareExchange("ex");
        _broker.DeclareQueue("q");
        _broker.Bind("q", "ex", "users.*");

        Publish("no match").Should().Be(0);

        _broker.FindQueue("q")!.ReadyCount.Should().Be(0);
    }

    [Fact]
    public void Binding_to_an_undeclared_queue_or_exchange_fails()
    {
        _broker.DeclareExchange("ex");
        _broker.DeclareQueue("q");

        _broker.Invoking(b => b.Bind("missing", "ex", "#")).Should().Throw<InvalidOperationException>();
        _broker.Invoking(b => b.Bind("q", "missing", "#")).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task A_consumer_receives_the_message_with_its_properties_and_a_copy_of_its_body()
    {
        var (source, inbox) = await ConsumeAsync();
        var body = Bytes("hello");
        _broker.Publish("ex", "orders.created", body, "text/plain", new Dictionary<string, string> { ["tenant"] = "acme" }, "id-1");
        body[0] = (byte)'j';

        var received = await inbox.NextAsync();

        received.Body.Should().Be("hello");
        received.Message.Id.Should().Be("id-1");
        received.Message.RoutingKey.Should().Be("orders.created");
        received.Message.ContentType.Should().Be("text/plain");
        received.Message.Headers.Should().Equal(new Dictionary<string, string> { ["tenant"] = "acme" });
        received.Message.DeliveryCount.Should().Be(1);
        await received.AckAsync();
        await source.DisposeAsync();
    }

    [Fact]
    public async Task A_message_without_an_id_gets_one()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("x");

        var received = await inbox.NextAsync();

        received.Message.Id.Should().NotBeNullOrEmpty();
        await received.AckAsync();
        await source.DisposeAsync();
    }

    [Fact]
    public async Task An_acked_message_leaves_the_queue()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("x");
        var received = await inbox.NextAsync();
        _broker.FindQueue("q")!.UnackedCount.Should().Be(1);

        await received.AckAsync();

        _broker.FindQueue("q")!.Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
        (await inbox.StaysEmptyAsync()).Should().BeTrue();
        await source.DisposeAsync();
    }

    [Fact]
    public async Task A_nack_with_requeue_delivers_the_message_again_with_one_more_delivery()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("x");

        await (await inbox.NextAsync()).NackAsync(requeue: true);
        var second = await inbox.NextAsync();
        await second.NackAsync(requeue: true);
        var third = await inbox.NextAsync();

        second.Message.DeliveryCount.Should().Be(2);
        third.Message.DeliveryCount.Should().Be(3);
        third.Body.Should().Be("x");
        await third.AckAsync();
        await source.DisposeAsync();
    }

    [Fact]
    public async Task A_requeued_message_goes_back_to_the_head_of_the_queue()
    {
        var (source, inbox) = await ConsumeAsync(prefetch: 1);
        Publish("first");
        Publish("second");

        await (await inbox.NextAsync()).NackAsync(requeue: true);

        (await inbox.NextAsync()).Body.Should().Be("first");
        await source.DisposeAsync();
    }

    [Fact]
    public async Task A_nack_without_requeue_drops_the_message()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("x");

        await (await inbox.NextAsync()).NackAsync(requeue: false);

        (await inbox.StaysEmptyAsync()).Should().BeTrue();
        _broker.FindQueue("q")!.Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
        await source.DisposeAsync();
    }

    [Fact]
    public async Task A_dead_lettered_message_moves_to_the_dead_queue_with_its_reason_and_deliveries()
    {
        var (source, inbox) = await ConsumeAsync();
        _broker.Publish("ex", "orders.created", Bytes("poison"), "application/json", new Dictionary<string, string> { ["tenant"] = "acme" }, "id-9");
        await (await inbox.NextAsync()).NackAsync(requeue: true);

        await (await inbox.NextAsync()).DeadLetterAsync("invalid status code 500");

        (await inbox.StaysEmptyAsync()).Should().BeTrue();
        _broker.FindQueue("q")!.Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
        var dead = _broker.FindQueue("q.dead")!.Peek().Should().ContainSingle().Subject;
        dead.Id.Should().Be("id-9");
        System.Text.Encoding.UTF8.GetString(dead.Body.Span).Should().Be("poison");
        dead.ContentType.Should().Be("application/json");
        dead.Headers.Should().Equal(new Dictionary<string, string>
        {
            ["tenant"] = "acme",
            [DeadLetterHeaders.Reason] = "invalid status code 500",
            [DeadLetterHeaders.Deliveries] = "2",
        });
        await source.DisposeAsync();
    }

    [Fact]
    public async Task Prefetch_bounds_the_unsettled_messages_and_settling_one_lets_the_next_in()
    {
        var (source, inbox) = await ConsumeAsync(prefetch: 2);
        for (var i = 0; i < 5; i++)
        {
            Publish($"m{i}");
        }

        var first = await inbox.NextAsync();
        await inbox.NextAsync();
        (await inbox.StaysEmptyAsync()).Should().BeTrue();
        _broker.FindQueue("q")!.Should().Match<MemoryQueue>(q => q.ReadyCount == 3 && q.UnackedCount == 2);

        await first.AckAsync();

        (await inbox.NextAsync()).Body.Should().Be("m2");
        await source.DisposeAsync();
    }

    [Fact]
    public async Task Deliveries_up_to_prefetch_run_concurrently()
    {
        var (source, inbox) = await ConsumeAsync(prefetch: 3);
        for (var i = 0; i < 3; i++)
        {
            Publish($"m{i}");
        }

        // Each handler waits to be settled: three of them at once prove they do not run one after another.
        var received = new[] { await inbox.NextAsync(), await inbox.NextAsync(), await inbox.NextAsync() };

        // Handlers run concurrently, so they may reach the inbox in any order.
        received.Select(r => r.Body).Should().BeEquivalentTo(["m0", "m1", "m2"]);
        await source.DisposeAsync();
    }

    [Fact]
    public async Task Closing_a_consumer_gives_its_unsettled_messages_back_in_order()
    {
        var (source, inbox) = await ConsumeAsync(prefetch: 5);
        Publish("a");
        Publish("b");
        Publish("c");
        // Deliveries within the prefetch run concurrently and may reach the inbox in any order: settle "a" by its body.
        var received = new[] { await inbox.NextAsync(), await inbox.NextAsync(), await inbox.NextAsync() };
        await received.Single(r => r.Body == "a").AckAsync();

        await source.DisposeAsync();

        _broker.FindQueue("q")!.Peek().Select(e => (System.Text.Encoding.UTF8.GetString(e.Body.Span), e.Deliveries)).Should().Equal(("b", 1), ("c", 1));
        (await source.Closed).Should().Be("closed by the agent");
    }

    [Fact]
    public async Task Settling_after_the_consumer_closed_or_twice_fails()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("a");
        Publish("b");
        var a = await inbox.NextAsync();
        var b = await inbox.NextAsync();
        await a.AckAsync();

        await a.Invoking(r => r.AckAsync()).Should().ThrowAsync<InvalidOperationException>();
        await source.DisposeAsync();
        await b.Invoking(r => r.AckAsync()).Should().ThrowAsync<InvalidOperationException>();

        // The closing consumer's delivery loop may hold the given-back message for a moment before restoring it.
        await Eventually.HoldsAsync(() => _broker.FindQueue("q")!.ReadyCount == 1, TimeSpan.FromSeconds(5), "the unsettled message back in the queue");
    }

    [Fact]
    public async Task A_handler_that_throws_without_settling_gives_the_message_back()
    {
        var calls = 0;
        var source = new MemoryMessageSource(_broker, "q", "ex", "#");
        await source.StartAsync((_, _) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("bug") : Task.Delay(Timeout.Infinite), 1, CancellationToken.None);

        Publish("x");

        await Eventually.HoldsAsync(() => Volatile.Read(ref calls) == 2);
        await source.DisposeAsync();
        _broker.FindQueue("q")!.Peek().Should().ContainSingle().Which.Deliveries.Should().Be(2);
    }

    [Fact]
    public async Task After_stop_consuming_nothing_new_is_delivered_but_delivered_messages_can_be_settled()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("a");
        var a = await inbox.NextAsync();

        await source.StopConsumingAsync(CancellationToken.None);
        Publish("b");

        (await inbox.StaysEmptyAsync()).Should().BeTrue();
        await a.AckAsync();
        _broker.FindQueue("q")!.Should().Match<MemoryQueue>(q => q.ReadyCount == 1 && q.UnackedCount == 0);
        await source.DisposeAsync();
    }

    [Fact]
    public async Task An_outage_closes_consumers_refuses_new_ones_and_fails_pings_until_it_ends()
    {
        var (source, inbox) = await ConsumeAsync();
        Publish("a");
        await inbox.NextAsync();
        (await source.PingAsync(CancellationToken.None)).Should().BeTrue();

        _broker.BeginOutage("broker restarting");

        (await source.Closed.WaitAsync(TimeSpan.FromSeconds(5))).Should().Be("broker restarting");
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
        _broker.FindQueue("q")!.ReadyCount.Should().Be(1);
        var refused = new MemoryMessageSource(_broker, "q", "ex", "orders.*");
        await refused.Invoking(s => s.StartAsync(new Inbox().Handler, 1, CancellationToken.None)).Should().ThrowAsync<InvalidOperationException>();

        _broker.EndOutage();
        var (again, inboxAgain) = await ConsumeAsync();
        (await inboxAgain.NextAsync()).Message.DeliveryCount.Should().Be(2);
        await again.DisposeAsync();
        await source.DisposeAsync();
    }

    [Fact]
    public async Task Declare_keeps_messages_published_before_the_agent_connects()
    {
        var agent = new AsyncAgentConfig
        {
            Name = "orders",
            Pipe = new EndpointConfig { Endpoint = "/__agent/orders" },
            Consumer = new AgentConsumerOptions { Topic = "orders.#" },
            Memory = new MemoryDriverOptions { Exchange = "ex" },
        };

        MemoryMessageSource.Declare(_broker, agent);

        Publish("early").Should().Be(1);
        _broker.FindQueue("orders")!.ReadyCount.Should().Be(1);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Concurrent_publishers_and_consumers_lose_nothing()
    {
        _broker.DeclareExchange("ex");
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var sources = new List<MemoryMessageSource>();
        for (var c = 0; c < 3; c++)
        {
            var source = new MemoryMessageSource(_broker, "q", "ex", "#");
            await source.StartAsync(
                async (m, _) =>
                {
                    var body = System.Text.Encoding.UTF8.GetString(m.Body.Span);
                    if (seen.AddOrUpdate(body, 1, (_, n) => n + 1) == 1 && body.EndsWith('7'))
                    {
                        await m.Settlement.NackAsync(requeue: true);
                        return;
                    }

                    await m.Settlement.AckAsync();
                },
                4,
                CancellationToken.None);
            sources.Add(source);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                Publish($"{p}-{i}");
            }
        })));

        await Eventually.HoldsAsync(() => seen.Count == 2000 && _broker.FindQueue("q")!.ReadyCount == 0 && _broker.FindQueue("q")!.UnackedCount == 0);
        seen.Values.Count(n => n == 2).Should().Be(200);
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}

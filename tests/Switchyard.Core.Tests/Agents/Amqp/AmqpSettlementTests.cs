using RabbitMQ.Client;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

[Collection(RabbitMqCollection.Name)]
public sealed class AmqpSettlementTests(RabbitMqServer server)
{
    [Fact]
    public async Task Ack_removes_the_message_from_the_queue()
    {
        var (agent, _) = await ConsumeOneAsync(AmqpTestAgents.Create(server), message => message.Settlement.AckAsync());

        await using var broker = await BrokerClient.ConnectAsync(server);
        (await broker.MessageCountAsync(agent.Amqp!.Name)).Should().Be(0);
    }

    [Fact]
    public async Task Message_left_unsettled_by_a_failing_handler_is_delivered_again()
    {
        var agent = AmqpTestAgents.Create(server);
        var deliveries = 0;
        var recorder = new DeliveryRecorder(async message =>
        {
            if (Interlocked.Increment(ref deliveries) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }

            await message.Settlement.AckAsync();
        });
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "retry me");

        var redelivered = await recorder.NextAsync();
        redelivered.DeliveryCount.Should().Be(2);
        Volatile.Read(ref deliveries).Should().Be(2);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public async Task Nack_with_requeue_delivers_again_unless_nack_discard(bool nackDiscard, int expectedDeliveries)
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { NackDiscard = nackDiscard });
        var recorder = new DeliveryRecorder(message =>
            Utf8.Text(message.Body) == "first" && message.DeliveryCount == 1
                ? message.Settlement.NackAsync(requeue: true)
                : message.Settlement.AckAsync());
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "first");
        await broker.PublishAsync(agent.Amqp.Exchange, "orders.created", "marker");

        // A requeued message goes back to the head of the queue: it comes again before the marker.
        var handled = new List<(string Body, int Count)>();
        for (var i = 0; i < expectedDeliveries + 1; i++)
        {
            var message = await recorder.NextAsync();
            handled.Add((Utf8.Text(message.Body), message.DeliveryCount));
        }

        handled[^1].Body.Should().Be("marker");
        handled.Count(h => h.Body == "first").Should().Be(expectedDeliveries);
        (await broker.MessageCountAsync(agent.Amqp.Name)).Should().Be(0);
    }

    [Fact]
    public async Task Nack_without_requeue_drops_the_message()
    {
        var (agent, _) = await ConsumeOneAsync(AmqpTestAgents.Create(server), message => message.Settlement.NackAsync(requeue: false));

        await using var broker = await BrokerClient.ConnectAsync(server);
        (await broker.MessageCountAsync(agent.Amqp!.Name)).Should().Be(0);
    }

    [Fact]
    public async Task Auto_ack_sends_neither_ack_nor_nack()
    {
        // With auto_ack a nack with requeue is a no-op (the broker forgot the message), and an ack of the
        // already-forgotten delivery would close the channel with 406: the source must stay open after both.
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { AutoAck = true });
        var count = 0;
        var recorder = new DeliveryRecorder(message =>
            Interlocked.Increment(ref count) == 1 ? message.Settlement.NackAsync(requeue: true) : message.Settlement.AckAsync());
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "one");
        await broker.PublishAsync(agent.Amqp.Exchange, "orders.created", "two");
        Utf8.Text((await recorder.NextAsync()).Body).Should().Be("one");
        Utf8.Text((await recorder.NextAsync()).Body).Should().Be("two");

        (await source.PingAsync(CancellationToken.None)).Should().BeTrue();
        source.Closed.IsCompleted.Should().BeFalse();
        (await broker.MessageCountAsync(agent.Amqp.Name)).Should().Be(0);
    }

    [Fact]
    public async Task Dead_letter_moves_the_message_to_the_dead_queue_with_its_reason()
    {
        var (agent, _) = await ConsumeOneAsync(
            AmqpTestAgents.Create(server),
            message => message.Settlement.DeadLetterAsync("backend answered 500"),
            new BasicProperties { MessageId = "order-7", Headers = new Dictionary<string, object?> { ["tenant"] = "acme" } });

        await using var broker = await BrokerClient.ConnectAsync(server);
        (await broker.MessageCountAsync(agent.Amqp!.Name)).Should().Be(0);
        var dead = await broker.GetAsync(agent.Amqp.Name + ".dead");
        dead.Should().NotBeNull();
        Utf8.Text(dead!.Body).Should().Be("payload");
        dead.BasicProperties.MessageId.Should().Be("order-7");
        dead.BasicProperties.Persistent.Should().BeTrue();
        var headers = dead.BasicProperties.Headers!;
        Utf8.Header(headers["x-switchyard-reason"]).Should().Be("backend answered 500");
        headers["x-switchyard-deliveries"].Should().Be(1);
        Utf8.Header(headers["x-switchyard-routing-key"]).Should().Be("orders.created");
        Utf8.Header(headers["tenant"]).Should().Be("acme");
    }

    [Fact]
    public async Task Dead_letter_queue_is_durable()
    {
        var (agent, _) = await ConsumeOneAsync(AmqpTestAgents.Create(server), message => message.Settlement.DeadLetterAsync("bad"));

        await using var broker = await BrokerClient.ConnectAsync(server);
        var redeclareTransient = () => broker.OnNewChannelAsync(channel =>
            channel.QueueDeclareAsync(agent.Amqp!.Name + ".dead", durable: false, exclusive: false, autoDelete: false));

        await redeclareTransient.Should().ThrowAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>();
    }

    [Fact]
    public async Task With_max_deliveries_a_requeue_is_a_counted_copy_that_keeps_the_message_properties()
    {
        const int MaxDeliveries = 3;
        var agent = AmqpTestAgents.Create(server, maxDeliveries: MaxDeliveries);

        // What a runner does: requeue until the count reaches max_deliveries, then dead-letter.
        var recorder = new DeliveryRecorder(message => message.DeliveryCount < MaxDeliveries
            ? message.Settlement.NackAsync(requeue: true)
            : message.Settlement.DeadLetterAsync($"failed {message.DeliveryCount} times"));
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "poison", new BasicProperties
        {
            MessageId = "order-9",
            ContentType = "text/plain",
            Headers = new Dictionary<string, object?> { ["tenant"] = "acme" },
        });

        var deliveries = new List<AgentMessage>();
        for (var i = 0; i < MaxDeliveries; i++)
        {
            deliveries.Add(await recorder.NextAsync());
        }

        deliveries.Select(m => m.DeliveryCount).Should().Equal(1, 2, 3);
        deliveries.Should().AllSatisfy(m =>
        {
            m.Id.Should().Be("order-9");
            m.RoutingKey.Should().Be("orders.created");
            m.ContentType.Should().Be("text/plain");
            m.Headers["tenant"].Should().Be("acme");
            Utf8.Text(m.Body).Should().Be("poison");
        });
        var dead = await broker.GetAsync(agent.Amqp.Name + ".dead");
        dead!.BasicProperties.Headers!["x-switchyard-deliveries"].Should().Be(MaxDeliveries);
        Utf8.Header(dead.BasicProperties.Headers["x-switchyard-reason"]).Should().Be("failed 3 times");
        await source.DisposeAsync();
        (await broker.MessageCountAsync(agent.Amqp.Name)).Should().Be(0);
    }

    [Fact]
    public async Task Settling_twice_is_refused_without_closing_the_channel()
    {
        var agent = AmqpTestAgents.Create(server);
        Exception? second = null;
        var recorder = new DeliveryRecorder(async message =>
        {
            await message.Settlement.AckAsync();
            second = await Record.ExceptionAsync(async () => await message.Settlement.NackAsync(requeue: true));
        });
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "once");
        await recorder.NextAsync();

        second.Should().BeOfType<InvalidOperationException>();
        (await source.PingAsync(CancellationToken.None)).Should().BeTrue();
        source.Closed.IsCompleted.Should().BeFalse();
    }

    /// <summary>Consumes one published message with <paramref name="settle"/>, then closes the source.</summary>
    private async Task<(AsyncAgentConfig Agent, AgentMessage Message)> ConsumeOneAsync(
        AsyncAgentConfig agent,
        Func<AgentMessage, ValueTask> settle,
        BasicProperties? properties = null)
    {
        var recorder = new DeliveryRecorder(settle);
        await using var broker = await BrokerClient.ConnectAsync(server);
        AgentMessage message;
        await using (var source = new AmqpMessageSource(agent))
        {
            await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
            await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "payload", properties);
            message = await recorder.NextAsync();
        }

        // Closed: anything left unsettled would be back in the queue now.
        return (agent, message);
    }
}

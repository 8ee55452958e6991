using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

[Collection(RabbitMqCollection.Name)]
public sealed class AmqpMessageSourceDeclarationTests(RabbitMqServer server)
{
    [Fact]
    public async Task Queue_is_bound_to_the_topic_exchange_with_the_consumer_topic()
    {
        var agent = AmqpTestAgents.Create(server);
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        // One queue receives messages in publishing order: had the first been routed, it would arrive first.
        await broker.PublishAsync(agent.Amqp!.Exchange, "payments.created", "not for us");
        await broker.PublishAsync(agent.Amqp.Exchange, "orders.created.late", "two words after orders: * matches one");
        await broker.PublishAsync(agent.Amqp.Exchange, "orders.created", "for us");

        var message = await recorder.NextAsync();
        message.RoutingKey.Should().Be("orders.created");
        await broker.OnNewChannelAsync(channel => channel.ExchangeDeclarePassiveAsync(agent.Amqp.Exchange));
        (await broker.MessageCountAsync(agent.Amqp.Name)).Should().Be(0);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Queue_and_exchange_are_declared_with_durable_and_delete(bool durable, bool delete)
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { Durable = durable, Delete = delete });
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(DeliveryRecorder.Acking().HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        // A declaration with the same flags is accepted; one with any flag different is refused as inequivalent.
        await broker.OnNewChannelAsync(channel => channel.QueueDeclareAsync(agent.Amqp!.Name, durable, exclusive: false, autoDelete: delete));
        await broker.OnNewChannelAsync(channel => channel.ExchangeDeclareAsync(agent.Amqp!.Exchange, ExchangeType.Topic, durable, autoDelete: delete));
        var otherQueue = () => broker.OnNewChannelAsync(channel => channel.QueueDeclareAsync(agent.Amqp!.Name, !durable, exclusive: false, autoDelete: delete));
        var otherExchange = () => broker.OnNewChannelAsync(channel => channel.ExchangeDeclareAsync(agent.Amqp!.Exchange, ExchangeType.Topic, durable, autoDelete: !delete));
        (await otherQueue.Should().ThrowAsync<OperationInterruptedException>()).Which.ShutdownReason!.ReplyCode.Should().Be(406);
        (await otherExchange.Should().ThrowAsync<OperationInterruptedException>()).Which.ShutdownReason!.ReplyCode.Should().Be(406);
    }

    [Fact]
    public async Task Exclusive_queue_belongs_to_the_agent_connection()
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { Exclusive = true });
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(DeliveryRecorder.Acking().HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        var consumeFromElsewhere = () => broker.OnNewChannelAsync(channel => channel.BasicGetAsync(agent.Amqp!.Name, autoAck: true));

        // 405 RESOURCE_LOCKED: an exclusive queue can only be used by the connection that declared it.
        (await consumeFromElsewhere.Should().ThrowAsync<OperationInterruptedException>()).Which.ShutdownReason!.ReplyCode.Should().Be(405);
    }

    [Fact]
    public async Task Handlers_run_concurrently_up_to_the_runner_prefetch()
    {
        const int Prefetch = 4;
        var agent = AmqpTestAgents.Create(server);
        var inFlight = 0;
        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new DeliveryRecorder(async message =>
        {
            if (Interlocked.Increment(ref inFlight) == Prefetch)
            {
                allInFlight.SetResult();
            }

            // Each handler holds its message until all four are in flight at once.
            await allInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await message.Settlement.AckAsync();
        });
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, Prefetch, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        for (var i = 0; i < Prefetch; i++)
        {
            await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", $"message {i}");
        }

        for (var i = 0; i < Prefetch; i++)
        {
            await recorder.NextAsync();
        }

        allInFlight.Task.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task Prefetch_count_limits_unacked_messages_to_the_larger_of_configuration_and_runner()
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { PrefetchCount = 2 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var recorder = new DeliveryRecorder(async message =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
            await message.Settlement.AckAsync();
        });
        await using var source = new AmqpMessageSource(agent);

        // Runner prefetch 1, configured 2: two messages are in flight, the third waits in the queue.
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);
        for (var i = 0; i < 3; i++)
        {
            await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", $"message {i}");
        }

        await Eventually.ValueAsync(() => broker.MessageCountAsync(agent.Amqp!.Name), count => count == 1);
        await Task.Delay(200);

        // Without the QoS all three would have left the queue; with a prefetch of 1, two would still be there.
        (await broker.MessageCountAsync(agent.Amqp!.Name)).Should().Be(1);
        Volatile.Read(ref started).Should().Be(1, "one handler runs at a time with a runner prefetch of 1");
        release.SetResult();
        for (var i = 0; i < 3; i++)
        {
            await recorder.NextAsync();
        }
    }

    [Fact]
    public async Task No_wait_declarations_still_lead_to_a_working_consumer()
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { NoWait = true });
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "hello");

        Utf8.Text((await recorder.NextAsync()).Body).Should().Be("hello");
    }

    [Fact]
    public async Task Prefetch_size_is_sent_as_configured_and_refused_by_rabbitmq()
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { PrefetchSize = 1024 });
        await using var source = new AmqpMessageSource(agent);

        var start = () => source.StartAsync(DeliveryRecorder.Acking().HandleAsync, 1, CancellationToken.None);

        // 540 NOT_IMPLEMENTED: RabbitMQ only supports a prefetch size of 0; the start fails with the broker's reason.
        (await start.Should().ThrowAsync<OperationInterruptedException>()).Which.ShutdownReason!.ReplyCode.Should().Be(540);
    }

    [Fact]
    public void Agent_without_amqp_options_is_refused()
    {
        var agent = AmqpTestAgents.Create(server) with { Amqp = null };

        var create = () => new AmqpMessageSource(agent);

        create.Should().Throw<ArgumentException>().WithMessage("*async/amqp*");
    }

    [Fact]
    public async Task Unreachable_broker_fails_the_start()
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { Host = ClosedPort.Host().Replace("http", "amqp", StringComparison.Ordinal) });
        await using var source = new AmqpMessageSource(agent);

        var start = () => source.StartAsync(DeliveryRecorder.Acking().HandleAsync, 1, CancellationToken.None);

        await start.Should().ThrowAsync<BrokerUnreachableException>();
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
    }
}

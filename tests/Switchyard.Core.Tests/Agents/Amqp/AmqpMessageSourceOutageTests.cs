using Switchyard.Core.Agents.Amqp;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

[Collection(RabbitMqCollection.Name)]
public sealed class AmqpMessageSourceOutageTests(RabbitMqServer server)
{
    [Fact]
    public async Task Broker_outage_completes_closed_and_fails_the_ping_until_a_restart_after_recovery()
    {
        var agent = AmqpTestAgents.Create(server, amqp => amqp with { Durable = true });
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        (await source.PingAsync(CancellationToken.None)).Should().BeTrue();

        await server.StopAppAsync();
        try
        {
            var reason = await source.Closed.WaitAsync(TimeSpan.FromSeconds(30));
            reason.Should().Contain("320", "the broker closes connections with CONNECTION_FORCED when it stops");
            (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
        }
        finally
        {
            await server.StartAppAsync();
        }

        (await source.PingAsync(CancellationToken.None)).Should().BeFalse("the source does not reconnect by itself");
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        (await source.PingAsync(CancellationToken.None)).Should().BeTrue();
        source.Closed.IsCompleted.Should().BeFalse("a restart watches the new connection");

        await using var broker = await BrokerClient.ConnectAsync(server);
        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "after the outage");
        (await recorder.NextAsync()).RoutingKey.Should().Be("orders.created");
    }

    [Fact]
    public async Task Deleted_queue_completes_closed_and_fails_the_ping()
    {
        var agent = AmqpTestAgents.Create(server);
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(DeliveryRecorder.Acking().HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.OnNewChannelAsync(channel => channel.QueueDeleteAsync(agent.Amqp!.Name, ifUnused: false, ifEmpty: false));

        var reason = await source.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        reason.Should().Contain("cancelled the consumer");
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task Ping_is_false_before_start_and_after_dispose()
    {
        var agent = AmqpTestAgents.Create(server);
        var source = new AmqpMessageSource(agent);
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();

        await source.StartAsync(DeliveryRecorder.Acking().HandleAsync, 1, CancellationToken.None);
        await source.DisposeAsync();

        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
        (await source.Closed.WaitAsync(TimeSpan.FromSeconds(5))).Should().Contain("application");
    }
}

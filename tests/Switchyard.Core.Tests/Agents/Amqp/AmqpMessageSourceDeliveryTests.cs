using RabbitMQ.Client;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

[Collection(RabbitMqCollection.Name)]
public sealed class AmqpMessageSourceDeliveryTests(RabbitMqServer server)
{
    [Fact]
    public async Task Message_carries_id_routing_key_content_type_headers_and_body()
    {
        var agent = AmqpTestAgents.Create(server);
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", """{"id":42}""", new BasicProperties
        {
            MessageId = "order-42",
            ContentType = "application/json",
            Headers = new Dictionary<string, object?> { ["tenant"] = "acme", ["attempt"] = 3, ["urgent"] = true },
        });

        var message = await recorder.NextAsync();
        message.Id.Should().Be("order-42");
        message.RoutingKey.Should().Be("orders.created");
        message.ContentType.Should().Be("application/json");
        message.Headers.Should().BeEquivalentTo(new Dictionary<string, string> { ["tenant"] = "acme", ["attempt"] = "3", ["urgent"] = "true" });
        Utf8.Text(message.Body).Should().Be("""{"id":42}""");
        message.DeliveryCount.Should().Be(1);
    }

    [Fact]
    public async Task Message_without_properties_has_no_id_content_type_or_headers()
    {
        var agent = AmqpTestAgents.Create(server);
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "plain");

        var message = await recorder.NextAsync();
        message.Id.Should().BeNull();
        message.ContentType.Should().BeNull();
        message.Headers.Should().BeEmpty();
    }

    [Fact]
    public async Task Body_stays_intact_after_the_handler_returned()
    {
        var agent = AmqpTestAgents.Create(server);
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        // Same length: a body that shared the client's receive buffer would be overwritten by the next one.
        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "first-body");
        var first = await recorder.NextAsync();
        for (var i = 0; i < 5; i++)
        {
            await broker.PublishAsync(agent.Amqp.Exchange, "orders.created", $"other-bod{i}");
            await recorder.NextAsync();
        }

        Utf8.Text(first.Body).Should().Be("first-body");
    }

    [Fact]
    public async Task Stop_consuming_leaves_new_messages_in_the_queue()
    {
        var agent = AmqpTestAgents.Create(server);
        var recorder = DeliveryRecorder.Acking();
        await using var source = new AmqpMessageSource(agent);
        await source.StartAsync(recorder.HandleAsync, 1, CancellationToken.None);
        await using var broker = await BrokerClient.ConnectAsync(server);

        await source.StopConsumingAsync(CancellationToken.None);
        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", "after stop");
        await Task.Delay(300);

        (await broker.MessageCountAsync(agent.Amqp.Name)).Should().Be(1);
        recorder.HasMore.Should().BeFalse();
        source.Closed.IsCompleted.Should().BeFalse("stopping on purpose is not a lost connection");
    }
}

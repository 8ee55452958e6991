using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;
using Xunit.Abstractions;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// An <c>async/amqp</c> agent with <c>validation/json-schema</c> on a private RabbitMQ node: a message that fails the
/// schema never reaches the backend and, with <c>max_deliveries</c>, is dead-lettered on its first delivery with the
/// schema's words as its reason; a valid one is delivered.
/// </summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpJsonSchemaTests(RabbitMqServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The test broker publishes {"n": index}: message 0 passes, message 1 breaks `maximum`.
    private const string Schema = """ "validation/json-schema": {"type": "object", "required": ["n"], "properties": {"n": {"maximum": 0}}} """;

    [Fact]
    public async Task A_message_that_fails_its_schema_is_dead_lettered_at_once_with_the_reason_and_never_reaches_the_backend()
    {
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var backend = await MessageBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(scenario.Config(backend.Host, """ "max_deliveries": 3 """, namespaces: Schema));
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected, Patience, "connected");

        await broker.PublishAsync("order", 2);

        var health = await AgentHealth.UntilAsync(
            gateway, scenario.Agent, h => h.Count("dead_lettered") == 1 && h.Count("processed") == 1, Patience, "one delivered, one dead-lettered");
        backend.DeliveriesOf("order-0").Should().Be(1);
        backend.DeliveriesOf("order-1").Should().Be(0, "a message that fails its schema is not sent to the backend");
        health.Count("failed").Should().Be(1, "it is not redelivered: every delivery would fail alike");
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
        var dead = await broker.GetAsync(scenario.DeadQueue);
        dead.Should().NotBeNull("the message is kept in {0}", scenario.DeadQueue);
        dead!.BasicProperties.MessageId.Should().Be("order-1");
        System.Text.Encoding.UTF8.GetString(dead.Body.Span).Should().Be("""{"n":1}""");
        var headers = dead.BasicProperties.Headers!;
        var reason = System.Text.Encoding.UTF8.GetString((byte[])headers["x-switchyard-reason"]!);
        output.WriteLine($"dead-letter reason: {reason}");
        reason.Should().StartWith("- at '/n': ").And.Contain("0");
        Convert.ToInt64(headers["x-switchyard-deliveries"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(1);
    }
}

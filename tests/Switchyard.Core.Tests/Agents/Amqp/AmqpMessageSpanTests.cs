using System.Diagnostics;
using RabbitMQ.Client;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

[Collection(RabbitMqCollection.Name)]
public sealed class AmqpMessageSpanTests(RabbitMqServer server)
{
    [Fact]
    public async Task A_message_published_with_a_traceparent_header_continues_the_producers_trace()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var agent = AmqpTestAgents.Create(server);
        agent = agent with
        {
            Pipe = new EndpointConfig
            {
                Endpoint = "/__agent/traced",
                Backends = [new BackendConfig { Host = [backend.Host], UrlPattern = "/hook", Method = "POST" }],
            },
        };
        var pipe = new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default).CreateEndpoint(agent.Pipe);
        using var spans = new SpanRecorder();
        await using var runner = new AgentRunner(agent, pipe, () => new AmqpMessageSource(agent), new AgentHealthRegistry(TimeProvider.System));
        runner.Start();
        await Agents.Eventually.HoldsAsync(() => runner.Status.Snapshot().Connected, what: "the agent's connection");
        await using var broker = await BrokerClient.ConnectAsync(server);

        var properties = new BasicProperties
        {
            MessageId = "amqp-1",
            Headers = new Dictionary<string, object?> { ["traceparent"] = System.Text.Encoding.UTF8.GetBytes(spans.Root.Id!) },
        };
        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.created", """{"order":1}""", properties);

        await spans.EndedAsync(3);
        var message = spans.Named("process " + agent.Amqp.Name);
        message.Kind.Should().Be(ActivityKind.Consumer);
        message.ParentSpanId.Should().Be(spans.Root.SpanId);
        message.GetTagItem("messaging.system").Should().Be("rabbitmq");
        message.GetTagItem("messaging.destination.name").Should().Be(agent.Amqp.Name);
        message.GetTagItem("messaging.message.id").Should().Be("amqp-1");
        message.GetTagItem("switchyard.settlement").Should().Be("ack");
        var call = spans.ChildrenOf(spans.ChildrenOf(message).Should().ContainSingle().Subject).Should().ContainSingle().Subject;
        backend.Received.Single().Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(call));
    }
}

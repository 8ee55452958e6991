using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary>An AMQP agent on the private RabbitMQ node: each delivery counted by outcome, timed, and in flight while in its pipe.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class AgentMetricsTests(RabbitMqServer server)
{
    [Fact]
    public async Task A_message_that_succeeds_and_one_dead_lettered_are_counted_timed_and_leave_nothing_in_flight()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var backend = await TestBackend.StartAsync(context =>
            context.Request.Headers["X-Message-Routing-Key"] == "orders.good" ? TestBackend.Json(context, "{}") : TestBackend.Json(context, "{}", 503));
        var agent = AmqpTestAgents.Create(server, maxDeliveries: 1);
        agent = agent with
        {
            Pipe = new EndpointConfig
            {
                Endpoint = "/__agent/" + agent.Name,
                Backends = [new BackendConfig { Host = [backend.Host], UrlPattern = "/hook", Method = "POST", InputHeaders = ["X-Message-Routing-Key"] }],
            },
        };
        var pipe = new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default).CreateEndpoint(agent.Pipe);
        await using var runner = new AgentRunner(agent, pipe, () => new AmqpMessageSource(agent), new AgentHealthRegistry(TimeProvider.System));
        runner.Start();
        await Agents.Eventually.HoldsAsync(() => runner.Status.Snapshot().Connected, what: "the agent's connection");
        await using var broker = await BrokerClient.ConnectAsync(server);

        await broker.PublishAsync(agent.Amqp!.Exchange, "orders.good", "{}");
        await broker.PublishAsync(agent.Amqp.Exchange, "orders.bad", "{}");
        await Agents.Eventually.HoldsAsync(() => runner.Status.Snapshot() is { Processed: 1, DeadLettered: 1 }, what: "both messages settled");

        var name = ("switchyard.agent.name", agent.Name);
        var messages = metrics.Of("switchyard.agent.messages", name);
        messages.Should().HaveCount(2).And.OnlyContain(m => m.Value == 1 && m.Unit == "{message}" && m["switchyard.agent.driver"] == "amqp");
        messages.Select(m => m["switchyard.agent.outcome"]).Should().BeEquivalentTo("succeeded", "dead_lettered");

        var durations = metrics.Of("switchyard.agent.message.duration", name);
        durations.Should().HaveCount(2).And.OnlyContain(m => m.Unit == "s" && m.Value > 0 && m.Value < 30);

        var inFlight = metrics.Of("switchyard.agent.messages.in_flight", name);
        inFlight.Select(m => m.Value).Should().BeEquivalentTo([1.0, 1.0, -1.0, -1.0]);
    }
}

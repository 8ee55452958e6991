using System.Text;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// <c>qos/circuit-breaker</c> on an async agent's backend, with a real RabbitMQ: once the breaker opens, messages stop
/// reaching the failing backend and follow the agent's own retry and dead-letter rules.
/// </summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpAgentCircuitBreakerTests(RabbitMqServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Once_open_the_breaker_keeps_messages_from_the_failing_backend_and_they_are_dead_lettered_as_usual()
    {
        const int messages = 4;
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var backend = await MessageBackend.StartAsync(status: (_, _) => StatusCodes.Status503ServiceUnavailable);
        await using var gateway = await TestGateway.StartAsync(scenario.Config(
            backend.Host,
            """ "workers": 1, "max_deliveries": 2 """,
            """ "extra_config": {"qos/circuit-breaker": {"interval": 60, "timeout": 60, "max_errors": 1}} """));
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected, Patience, "connected");

        await broker.PublishAsync("breaker", messages);

        var health = await AgentHealth.UntilAsync(
            gateway, scenario.Agent, h => h.Count("dead_lettered") == messages, Patience, "every message dead-lettered");
        backend.Requests.Should().Be(2, "max_errors 1: the second failure opened the breaker, and an open breaker calls nothing");
        health.Count("failed").Should().Be(2 * messages, "each message was delivered max_deliveries times");
        health.Count("processed").Should().Be(0);
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);

        var reasons = new List<string>();
        while (await broker.GetAsync(scenario.DeadQueue) is { } dead)
        {
            reasons.Add(Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["x-switchyard-reason"]!));
        }

        reasons.Should().HaveCount(messages);
        reasons.Count(reason => reason.Contains("circuit breaker is open", StringComparison.Ordinal))
            .Should().BeGreaterThanOrEqualTo(messages - 1, "only a message failed by the backend itself on its last delivery has another reason");
    }
}

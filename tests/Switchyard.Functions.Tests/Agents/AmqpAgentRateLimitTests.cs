using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;
using Xunit.Abstractions;

namespace Switchyard.Functions.Tests.Agents;

/// <summary><c>qos/ratelimit/proxy</c> on an <c>async/amqp</c> agent's backend, on a private RabbitMQ node.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpAgentRateLimitTests(RabbitMqServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Messages_the_backend_limit_refuses_never_reach_it_and_are_dead_lettered_with_the_reason()
    {
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var backend = await MessageBackend.StartAsync();

        // One call an hour: the first message takes the only token, the others find the bucket empty on every delivery.
        await using var gateway = await TestGateway.StartAsync(scenario.Config(
            backend.Host,
            """ "workers": 1, "max_deliveries": 2 """,
            backendKeys: """ "extra_config": {"qos/ratelimit/proxy": {"max_rate": 1, "capacity": 1, "every": "1h"}} """));
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected, Patience, "connected");

        await broker.PublishAsync("limited", 3);

        var health = await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("dead_lettered") == 2, Patience, "two messages dead-lettered");
        health.Count("processed").Should().Be(1);
        health.Count("failed").Should().Be(4, "two messages, two refused deliveries each");
        backend.Requests.Should().Be(1, "a refused call is not made");
        backend.DeliveriesOf("limited-0").Should().Be(1);
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);

        var dead = new[] { await broker.GetAsync(scenario.DeadQueue), await broker.GetAsync(scenario.DeadQueue) };
        dead.Select(message => message!.BasicProperties.MessageId).Should().BeEquivalentTo("limited-1", "limited-2");
        foreach (var message in dead)
        {
            var reason = System.Text.Encoding.UTF8.GetString((byte[])message!.BasicProperties.Headers!["x-switchyard-reason"]!);
            reason.Should().Contain("rate limit exceded");
            output.WriteLine($"{message.BasicProperties.MessageId}: {reason}");
        }
    }
}

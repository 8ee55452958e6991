using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>A durable RabbitMQ agent on a real broker and a real Azurite: one flow per message, whatever the deliveries.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class DurableAgentTests(RabbitMqServer rabbit) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task A_message_redelivered_after_its_flow_started_starts_no_second_flow_and_is_acknowledged()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var scenario = AmqpAgentScenario.Create(rabbit, durable: true);
        var agent = scenario.AgentJson(backend.Host, "\"max_deliveries\": 3").Replace(
            "\"extra_config\": {\"async/amqp\"", "\"extra_config\": {\"switchyard/durable\": {}, \"async/amqp\"", StringComparison.Ordinal);
        var config = DurableConfig.With(azurite, "", DurableConfig.NewTaskHub()).Replace(
            "\"endpoints\": []", $"\"endpoints\": [], \"async_agent\": [{agent}]", StringComparison.Ordinal);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var gateway = await TestGateway.StartAsync(config);

        // The state a consumer killed between the start and its ack leaves behind: the flow of message m-0 exists, the
        // message is still in the queue. Started here by another client of the task hub, as the dead consumer did.
        var loaded = ConfigLoader.Parse(config).Config!;
        await using var otherProcess = DurableConfig.TaskHubOf(config);
        await otherProcess.StartAsync();
        var redelivered = new ProxyRequest { Headers = new Dictionary<string, string[]> { ["X-Message-Id"] = [AmqpTestBroker.MessageId("m", 0)] } };
        var flowOfFirst = DurableAgentFlows.InstanceIdOf(scenario.Agent, redelivered);
        (await otherProcess.StartFlowAsync(loaded.AsyncAgents[0].Pipe.JsonPath, MergeFailurePolicy.Partial, redelivered, flowOfFirst)).IsNew.Should().BeTrue();

        await broker.PublishAsync("m", count: 2);

        var health = await AgentHealth.UntilAsync(
            gateway, scenario.Agent, h => h.Status?["flows"]?["completed"]?.GetValue<long>() == 1 && h.Status["processed"]!.GetValue<long>() == 2,
            TimeSpan.FromSeconds(30), "both messages acknowledged and the agent's own flow completed");
        health.Status!["flows"]!["started"]!.GetValue<long>().Should().Be(1, "the redelivered message found its flow");
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
        var keys = backend.Received.Select(r => r.Headers["Idempotency-Key"].ToString()).ToList();
        keys.Should().BeEquivalentTo([$"{flowOfFirst}:0", $"{DurableAgentFlows.InstanceIdOf(scenario.Agent, Message(1))}:0"]);
    }

    private static ProxyRequest Message(int index) =>
        new() { Headers = new Dictionary<string, string[]> { ["X-Message-Id"] = [AmqpTestBroker.MessageId("m", index)] } };
}

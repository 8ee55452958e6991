using System.Diagnostics;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>A durable RabbitMQ agent on a real broker and a real Azurite: one flow per message, whatever the deliveries.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class DurableAgentTests(RabbitMqServer rabbit, AzuriteServer azurite) : IClassFixture<AzuriteServer>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-durable-agent-").FullName;

    [Fact]
    public async Task A_message_redelivered_after_its_consumer_is_killed_right_after_the_start_starts_no_second_flow()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var scenario = AmqpAgentScenario.Create(rabbit, durable: true);
        // The first process reaches the broker through a relay that can swallow what it sends: its ack, once the flow
        // is started, never arrives, and the SIGKILL that follows leaves the message unacknowledged for real.
        await using var relay = TcpRelay.To(rabbit.Port);
        var taskHub = DurableConfig.NewTaskHub();
        var firstConfig = Write(scenario, backend.Host, taskHub, $"amqp://guest:guest@127.0.0.1:{relay.Port}/", "first.json");
        var secondConfig = Write(scenario, backend.Host, taskHub, rabbit.AmqpUri.ToString(), "second.json");
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var hub = DurableConfig.TaskHubOf(File.ReadAllText(firstConfig));
        var flow = DurableAgentFlows.InstanceIdOf(scenario.Agent, Message(0));

        await using (var first = await GatewayProcess.StartAsync(firstConfig, scenario.Agent))
        {
            relay.SwallowClientBytes();
            await broker.PublishAsync("m", count: 1);
            await UntilAsync(async () => await hub.GetAsync(flow) is not null, () => $"the first process starts the flow; output:\n{first.Output}");
            await first.KillAsync();
        }

        await UntilAsync(async () => await broker.MessageCountAsync(scenario.Queue) == 1, () => "the broker takes back the unacknowledged message");
        await using var second = await GatewayProcess.StartAsync(secondConfig, scenario.Agent);
        await UntilAsync(
            async () => (await second.AgentStatusAsync(scenario.Agent))?["processed"]?.GetValue<long>() == 1,
            () => $"the second process takes the redelivered message; output:\n{second.Output}");
        await UntilAsync(async () => await hub.GetAsync(flow) is { IsFinished: true }, () => "the flow ends");

        (await second.AgentStatusAsync(scenario.Agent))!["flows"]!["started"]!.GetValue<long>().Should().Be(0, "the redelivered message found its flow");
        (await hub.GetAsync(flow))!.RuntimeStatus.Should().Be("Completed");
        var loaded = ConfigLoader.LoadFile(firstConfig).Config!;
        using var administration = new DurableAdministration(loaded.Durable!, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var flows = await administration.ListAsync(new FlowQuery(), CancellationToken.None);
        flows.Flows.Select(f => f.State.InstanceId).Should().Equal([flow], "one message, one orchestration in the task hub");
        (await broker.MessageCountAsync(scenario.Queue)).Should().Be(0);
        backend.Received.Select(r => r.Headers["Idempotency-Key"].ToString()).Should().NotBeEmpty().And.AllBe($"{flow}:0");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(AmqpAgentScenario scenario, string backendHost, string taskHub, string amqpHost, string name)
    {
        var agent = scenario.AgentJson(backendHost, "\"max_deliveries\": 3", amqpHost).Replace(
            "\"extra_config\": {\"async/amqp\"", "\"extra_config\": {\"switchyard/durable\": {}, \"async/amqp\"", StringComparison.Ordinal);
        var config = DurableConfig.With(azurite, "", taskHub).Replace(
            "\"endpoints\": []", $"\"endpoints\": [], \"async_agent\": [{agent}]", StringComparison.Ordinal);
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, config);
        return path;
    }

    private static ProxyRequest Message(int index) =>
        new() { Headers = new Dictionary<string, string[]> { ["X-Message-Id"] = [AmqpTestBroker.MessageId("m", index)] } };

    private static async Task UntilAsync(Func<Task<bool>> done, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            clock.Elapsed.Should().BeLessThan(Patience, what());
            await Task.Delay(20);
        }
    }
}

using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary><c>switchyard send</c> to an <c>async/amqp</c> agent: straight to its exchange on the private broker.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpSendCommandTests(RabbitMqServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-amqp-send-").FullName;

    [Fact]
    public async Task A_message_sent_from_the_command_line_is_consumed_by_the_agent()
    {
        var scenario = AmqpAgentScenario.Create(server, durable: true);
        await using var backend = await MessageBackend.StartAsync();
        var config = scenario.Config(backend.Host, """ "workers": 1 """);
        var path = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(path, config);
        await using var gateway = await TestGateway.StartAsync(config);
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Connected, TimeSpan.FromSeconds(15), "the agent connected");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await SendCommand.SendAsync(
            new SendRequest(scenario.Agent, path, AmqpAgentScenario.RoutingKey, """{"order":1}""", null, null), output, errors, CancellationToken.None);

        errors.ToString().Should().BeEmpty();
        exitCode.Should().Be(0);
        output.ToString().Should().Contain($"to exchange '{scenario.Exchange}' with routing key '{AmqpAgentScenario.RoutingKey}'");
        await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") == 1, TimeSpan.FromSeconds(15), "the message processed");
        backend.Requests.Should().Be(1);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

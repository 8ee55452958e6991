using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Functions.Tests.Security.ClientCredentials;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// <c>auth/client-credentials</c> on an <c>async/amqp</c> agent's backend, with a private RabbitMQ node and the real
/// authorization server: every message reaches the backend with the bearer token, fetched once.
/// </summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpAgentClientCredentialsTests(RabbitMqServer server)
{
    private static readonly OidcClient Worker = new("order-worker", "order-worker-secret-19ab") { Scope = "orders:write" };

    [Fact]
    public async Task Every_message_reaches_the_backend_with_the_one_token_fetched_for_it()
    {
        const int count = 20;
        await using var provider = await OidcProviderServer.StartAsync(new OidcProviderOptions { Clients = [Worker] });
        await using var relay = await TokenRelay.StartAsync(provider);
        await using var backend = await TestBackend.StartAsync("""{"ok": true}""");
        var scenario = AmqpAgentScenario.Create(server);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        var config = JsonNode.Parse(scenario.Config(backend.Host, """ "workers": 4 """))!;
        config["async_agent"]![0]!["backend"]![0]!["extra_config"] = new JsonObject
        {
            ["auth/client-credentials"] = new JsonObject
            {
                ["client_id"] = Worker.ClientId,
                ["client_secret"] = Worker.ClientSecret,
                ["token_url"] = relay.Url("agent"),
                ["scopes"] = "orders:write",
            },
        };
        await using var gateway = await TestGateway.StartAsync(config.ToJsonString());

        await broker.PublishAsync("cc", count);
        var health = await AgentHealth.UntilAsync(gateway, scenario.Agent, h => h.Count("processed") >= count, TimeSpan.FromSeconds(30), "every message processed");

        health.Count("failed").Should().Be(0);
        relay.At("agent").Should().ContainSingle().Which.Status.Should().Be(200);
        var authorizations = backend.Received.Where(request => request.Target == "/orders").Select(request => request.Headers.Authorization.ToString()).ToArray();
        authorizations.Should().HaveCount(count).And.OnlyContain(value => value == authorizations[0]);
        (await BearerTokenCheck.ClaimsAsync(provider, authorizations[0]))["client_id"].Should().Be(Worker.ClientId);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Serverless;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>Without the Functions host, agents only its triggers can feed (Service Bus) are reported and skipped; the rest runs.</summary>
public sealed class StandaloneModeTests
{
    private static string Config(string backendHost) => $$"""
        {"version": 3,
         "endpoints": [{"endpoint": "/items", "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/items"}]}],
         "async_agent": [
           {"name": "orders", "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/orders"}],
            "extra_config": {"async/servicebus": {"topic": "sales", "subscription": "billing"} } },
           {"name": "local", "consumer": {"topic": "#"}, "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/local"}],
            "extra_config": {"async/memory": {} } }
         ]}
        """;

    [Fact]
    public async Task Each_agent_only_the_functions_host_can_feed_is_warned_about_once_and_the_rest_of_the_gateway_runs()
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var config = ConfigLoader.Parse(Config(backend.Host)).Config!;
        await using var app = GatewayApp.Create(
            config, "http://127.0.0.1:0", serverless: ServerlessOptions.Standalone, configureLogging: logging => logging.AddProvider(logs));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        (await client.GetStringAsync("/items")).Should().Be("""{"ok":true}""");
        (await client.PostAsync("/agent_orders", new StringContent("{}"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the readiness probe is the host's, and KrakenD has nothing at /");
        var agents = JsonNode.Parse(await client.GetStringAsync("/__health"))!["agent_status"]!.AsObject();
        await app.StopAsync();

        agents.Select(agent => agent.Key).Should().Equal("local");
        logs.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message).Should().Equal(
            "[AGENT: orders] async/servicebus is fed by the Azure Functions host's serviceBusTrigger; it does not run standalone");
    }
}

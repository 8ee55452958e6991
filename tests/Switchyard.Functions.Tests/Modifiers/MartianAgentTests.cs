using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Modifiers;

/// <summary>An async agent's message goes through the same backend client: its modifiers apply at any workflow depth.</summary>
public sealed class MartianAgentTests
{
    private const string Secret = "s3cret-for-tests";
    private const string Credentials = "Basic dXNlcjpwYTU1dzByZA==";

    [Fact]
    public async Task A_backend_two_workflows_deep_in_an_agent_gets_its_credentials()
    {
        await using var backend = await TestBackend.StartAsync(context =>
            context.Request.Headers.Authorization == Credentials ? TestBackend.Json(context, "{}") : TestBackend.Json(context, "{}", 401));
        await using var gateway = await TestGateway.StartAsync($$$"""
            {"version": 3, "extra_config": {"switchyard/admin": {"secret": "{{{Secret}}}"} },
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.*"},
               "backend": [{"url_pattern": "/outer", "extra_config": {"workflow": {"endpoint": "/outer",
                 "backend": [{"url_pattern": "/inner", "extra_config": {"workflow": {"endpoint": "/inner",
                   "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/orders", "method": "POST",
                     "extra_config": {"modifier/martian": {"header.Modifier": {"scope": ["request"], "name": "Authorization", "value": "{{{Credentials}}}"} } } }] } } }] } } }],
               "extra_config": {"async/memory": {} } }]}
            """);
        using var publish = new HttpRequestMessage(HttpMethod.Post, "/__agents/orders/messages?routing_key=orders.created")
        {
            Content = new StringContent("""{"order":42}""", System.Text.Encoding.UTF8, "application/json"),
        };
        publish.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);

        (await gateway.Client.SendAsync(publish)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var status = await ProcessedAsync(gateway);
        status["failed"]!.GetValue<long>().Should().Be(0);
        backend.Received.Single().Headers.Authorization.ToString().Should().Be(Credentials);
    }

    private static async Task<JsonNode> ProcessedAsync(TestGateway gateway)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var health = JsonNode.Parse(await gateway.Client.GetStringAsync("/__health"))!;
            if (health["agent_status"]?["orders"] is { } status && status["processed"]!.GetValue<long>() + status["failed"]!.GetValue<long>() >= 1)
            {
                return status;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the agent should take the message: {0}", health.ToJsonString());
            await Task.Delay(20);
        }
    }
}

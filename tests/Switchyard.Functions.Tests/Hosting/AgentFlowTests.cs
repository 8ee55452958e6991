using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Messages published to the embedded broker through the admin endpoint, consumed by an agent, through its pipe.</summary>
public sealed class AgentFlowTests
{
    private const string Secret = "s3cret-for-tests";

    private static string Config(string backendHost, string consumer = "", bool withSecret = true)
    {
        var admin = withSecret ? """ "extra_config": {"switchyard/admin": {"secret": "s3cret-for-tests"} }, """ : "";
        return $$"""
            {"version": 3, {{admin}}
             "endpoints": [{"endpoint": "/ping", "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/ping"}]}],
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.*", "workers": 2 {{consumer}} },
               "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/memory": {} } }]}
            """;
    }

    private static async Task<HttpResponseMessage> PublishAsync(TestGateway gateway, string body, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__agents/orders/messages?routing_key=orders.created")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return await gateway.Client.SendAsync(request);
    }

    private static async Task<JsonNode> AgentStatusAsync(TestGateway gateway, Func<JsonNode, bool> until)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var health = JsonNode.Parse(await gateway.Client.GetStringAsync("/__health"))!;
            var status = health["agent_status"]?["orders"];
            if (status is not null && until(status))
            {
                return status;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the agent status should get there in time: {0}", health.ToJsonString());
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_published_message_reaches_the_backend_through_the_agent_pipe()
    {
        await using var backend = await TestBackend.StartAsync("""{"stored":true}""");
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host));

        var published = await PublishAsync(gateway, """{"order":42}""");

        published.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await published.Content.ReadAsStringAsync()).Should().Be("""{"routed":1}""");
        var status = await AgentStatusAsync(gateway, s => s["processed"]!.GetValue<long>() == 1);
        status["failed"]!.GetValue<long>().Should().Be(0);
        var received = backend.Received.Single();
        received.Method.Should().Be("POST");
        received.Target.Should().Be("/orders");
        received.Body.Should().Be("""{"order":42}""");
        received.Headers["X-Message-Routing-Key"].ToString().Should().Be("orders.created");
        received.Headers["X-Message-Id"].ToString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_max_deliveries_with_its_reason()
    {
        await using var backend = await TestBackend.StartAsync("""{"error":"down"}""", status: 503);
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host, consumer: """, "max_deliveries": 3"""));

        (await PublishAsync(gateway, """{"order":7}""")).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var status = await AgentStatusAsync(gateway, s => s["dead_lettered"]!.GetValue<long>() == 1);
        status["failed"]!.GetValue<long>().Should().Be(3);
        status["processed"]!.GetValue<long>().Should().Be(0);
        status["last_error"]!.GetValue<string>().Should().Contain("invalid status code 503");
        backend.Received.Should().HaveCount(3, "three deliveries, then the message is moved aside");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task Publishing_needs_the_admin_secret(string? secret)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host));

        var response = await PublishAsync(gateway, "{}", secret);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_configured_secret_there_is_no_admin_endpoint()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host, withSecret: false));

        var response = await PublishAsync(gateway, "{}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>Events through a subscription added at run time, as the status API (and so the control page) reports them.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class ManagementStatusFlowTests(RabbitMqServer rabbit)
{
    [Fact]
    public async Task A_subscription_added_through_the_api_delivers_and_the_status_shows_the_flush()
    {
        await using var api = await TestBackend.StartAsync("""{"success":3}""", 201);
        await using var gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());
        var body = FanOutGateway.SubscriptionBody(rabbit.AmqpUri.ToString(), "flow", api.Host + "/leek");
        (await gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", body)).StatusCode.Should().Be(HttpStatusCode.Created);
        await gateway.UntilStateAsync("shop-flow", "connected");

        var factory = new ConnectionFactory { Uri = rabbit.AmqpUri };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            for (var n = 1; n <= 3; n++)
            {
                await channel.BasicPublishAsync("celeryev.flow", "task.sent", System.Text.Encoding.UTF8.GetBytes($$"""{"type":"task-sent","n":{{n}}}"""));
            }
        }

        var subscription = await UntilAsync(gateway, status => status["delivered"]!.GetValue<long>() == 3);
        subscription["last_flush_reason"]!.GetValue<string>().Should().Be("window", "three events fill neither the count nor the size");
        subscription["last_flush_at"].Should().NotBeNull();
        subscription["batch_events"]!.GetValue<int>().Should().Be(0);
        subscription["events_per_second"]!.GetValue<double>().Should().BePositive();
        subscription["last_error"].Should().BeNull();

        var posted = api.Received.Should().ContainSingle().Subject;
        posted.Target.Should().Be("/leek/v1/events/process");
        posted.Headers["x-leek-app-key"].ToString().Should().Be("topsecretkey");
        JsonNode.Parse(posted.Body)!.AsArray().Select(item => item!["n"]!.GetValue<int>()).Should().Equal(1, 2, 3);
    }

    private static async Task<JsonNode> UntilAsync(FanOutGateway gateway, Func<JsonNode, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var subscription = (await gateway.StatusAsync())["subscriptions"]![0]!;
            if (done(subscription))
            {
                return subscription;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "the status should show the delivery; last {0}", subscription.ToJsonString());
            await Task.Delay(100);
        }
    }
}

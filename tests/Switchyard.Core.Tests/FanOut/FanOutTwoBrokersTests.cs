using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>Two subscriptions on two real brokers: stopping one broker never holds up the other subscription.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class FanOutTwoBrokersTests(RabbitMqServer broker) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task One_broker_stopped_while_both_flow_leaves_the_other_subscription_flowing()
    {
        var second = new RabbitMqServer();
        await second.InitializeAsync();
        try
        {
            await using var api = await TestBackend.StartAsync("{}", 201);
            var first = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 1);
            var other = FanOutHarness.Subscription(second.AmqpUri, api.Host, batchMax: 1);
            await using var firstRunner = await FanOutHarness.StartAsync(first, _http);
            await using var otherRunner = await FanOutHarness.StartAsync(other, _http);
            await using var firstClient = await BrokerClient.ConnectAsync(broker);
            await using (var otherClient = await BrokerClient.ConnectAsync(second))
            {
                await firstClient.PublishAsync(first.Exchange, "task.sent", """{"n":1}""");
                await otherClient.PublishAsync(other.Exchange, "task.sent", """{"n":2}""");
                await Eventually.HoldsAsync(() => firstRunner.Status().Delivered == 1 && otherRunner.Status().Delivered == 1, what: "both flowing");
            }

            await second.StopAppAsync();
            await Eventually.HoldsAsync(() => !otherRunner.Status().Connected, what: "the stopped broker noticed");
            for (var n = 3; n <= 5; n++)
            {
                await firstClient.PublishAsync(first.Exchange, "task.sent", $$"""{"n":{{n}}}""");
            }

            await Eventually.HoldsAsync(() => firstRunner.Status().Delivered == 4, what: "the other subscription keeps flowing");
            firstRunner.Status().Connected.Should().BeTrue();
            otherRunner.Status().Connected.Should().BeFalse();
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    public void Dispose() => _http.Dispose();
}

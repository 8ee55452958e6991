using Switchyard.Core.Telemetry;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Core.Tests.FanOut;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary>A fan-out subscription on the private RabbitMQ node: its events counted as received, delivered and dead-lettered.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class FanOutMetricsTests(RabbitMqServer broker) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Events_delivered_and_dead_lettered_are_counted_by_outcome_and_every_batch_leaves_the_in_flight_count()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 2) with { AppName = "m" + Guid.NewGuid().ToString("N")[..10] };
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            await client.PublishAsync(subscription.Exchange, "task.multi", """[{"n":1},"oops"]""");
            await client.PublishAsync(subscription.Exchange, "task.sent", """{"n":2}""");
            await Eventually.HoldsAsync(() => runner.Status() is { Delivered: 2, BatchesInFlight: 0 }, what: "the valid events delivered");
        }

        var name = ("switchyard.fanout.subscription", subscription.Name);
        metrics.Of("switchyard.fanout.events.received", name).Sum(m => m.Value).Should().Be(2, "the valid events are the ones received");
        var done = metrics.Of("switchyard.fanout.events", name);
        done.Should().OnlyContain(m => m.Unit == "{event}");
        done.Where(m => m["switchyard.fanout.outcome"] == "delivered").Sum(m => m.Value).Should().Be(2);
        done.Where(m => m["switchyard.fanout.outcome"] == "dead_lettered").Sum(m => m.Value).Should().Be(1);
        var inFlight = metrics.Of("switchyard.fanout.batches.in_flight", name);
        inFlight.Should().NotBeEmpty();
        inFlight.Sum(m => m.Value).Should().Be(0);
        metrics.All.SelectMany(m => m.Tags.Values).Should().NotContain(value => value.Contains(broker.AmqpUri.ToString(), StringComparison.Ordinal));
    }

    public void Dispose() => _http.Dispose();
}

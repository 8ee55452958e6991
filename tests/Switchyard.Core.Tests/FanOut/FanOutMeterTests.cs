using System.Text.Json;
using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

public sealed class FanOutMeterTests
{
    private static readonly Subscription Subscription = new()
    {
        Broker = "amqp://mq//",
        AppName = "shop",
        AppEnv = "prod",
        ApiUrl = new Uri("http://api"),
        BatchMaxNumberOfMessages = 10,
        BatchMaxSizeInMb = 1,
    };

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Batch_fill_is_the_larger_of_the_count_and_size_shares()
    {
        var meter = new FanOutMeter(_time, "orders-test");
        using var batcher = new Batcher(10, Subscription.BatchMaxBytes, TimeSpan.FromSeconds(5), _time, _ => { });
        batcher.Add(new BatchEntry(1, 512 * 1024, [Event(), Event()]));

        var status = meter.Snapshot("shop-prod", FanOutState.Connected, batcher, Subscription);

        status.BatchEvents.Should().Be(2);
        status.BatchBytes.Should().Be(512 * 1024);
        status.BatchFill.Should().Be(0.5);
    }

    [Fact]
    public void Reconnect_gaps_run_from_a_lost_connection_to_the_next_one_and_a_stop_is_not_one()
    {
        var meter = new FanOutMeter(_time, "orders-test");
        meter.Connected(_time.GetUtcNow());
        meter.Disconnected(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(3));
        meter.Snapshot("shop-prod", FanOutState.Reconnecting, null, Subscription).DisconnectedSince.Should().Be(_time.GetUtcNow() - TimeSpan.FromSeconds(3));

        // A second failed attempt inside the same gap does not start another.
        meter.Disconnected(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(2));
        meter.Connected(_time.GetUtcNow());
        meter.Disconnected(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(7));
        meter.Stopped();
        meter.Connected(_time.GetUtcNow());

        var status = meter.Snapshot("shop-prod", FanOutState.Connected, null, Subscription with { Broker = "redis://mq/0" });
        status.ReconnectGaps.Should().Be(1);
        status.ReconnectGapTime.Should().Be(TimeSpan.FromSeconds(5));
        status.DisconnectedSince.Should().BeNull();
        status.Delivery.Should().Be(FanOutDelivery.AtMostOnce);
        meter.Snapshot("shop-prod", FanOutState.Connected, null, Subscription).Delivery.Should().Be(FanOutDelivery.AtLeastOnce);
    }

    [Fact]
    public void A_delivered_batch_counts_its_events_and_is_the_last_flush()
    {
        var meter = new FanOutMeter(_time, "orders-test");
        meter.Received(events: 3, expired: 1);
        meter.BatchCut();

        meter.Delivered(new EventBatch([new BatchEntry(1, 10, [Event(), Event(), Event()])], FlushReason.Window));
        meter.BatchDone();

        var status = meter.Snapshot("shop-prod", FanOutState.Connected, null, Subscription);
        status.Should().BeEquivalentTo(new
        {
            Received = 4L,
            Expired = 1L,
            Delivered = 3L,
            BatchesInFlight = 0,
            LastFlushAt = (DateTimeOffset?)_time.GetUtcNow(),
            LastFlushReason = (FlushReason?)FlushReason.Window,
            EventsPerSecond = 0.3,
        });
    }

    private static JsonElement Event() => JsonDocument.Parse("{}").RootElement.Clone();
}

using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>Two subscriptions on two real brokers (RabbitMQ, or RabbitMQ and Redis): stopping one broker never holds up the other subscription.</summary>
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

    [Fact]
    public async Task A_redis_subscription_beside_an_amqp_one_loses_its_server_reconnects_with_backoff_and_shows_the_gap()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        try
        {
            await using var api = await TestBackend.StartAsync("{}", 201);
            var amqp = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 1);
            var onRedis = FanOutHarness.Subscription(new Uri(redis.Url()), api.Host, batchMax: 1);
            await using var amqpRunner = await FanOutHarness.StartAsync(amqp, _http);
            await using var redisRunner = await FanOutHarness.StartAsync(onRedis, _http);
            await using var amqpClient = await BrokerClient.ConnectAsync(broker);
            await using (var redisClient = await KombuRedisPublisher.ConnectAsync(redis))
            {
                await amqpClient.PublishAsync(amqp.Exchange, "task.sent", """{"n":1}""");
                await redisClient.PublishAsync(onRedis.Exchange, "task.sent", """{"n":2}""");
                await Eventually.HoldsAsync(() => amqpRunner.Status().Delivered == 1 && redisRunner.Status().Delivered == 1, what: "both flowing");
            }

            await redis.StopAsync();
            await Eventually.HoldsAsync(() => redisRunner.Status().State == FanOutState.Reconnecting, what: "the Redis subscription noticed");
            for (var n = 3; n <= 5; n++)
            {
                await amqpClient.PublishAsync(amqp.Exchange, "task.sent", $$"""{"n":{{n}}}""");
            }

            await Eventually.HoldsAsync(() => amqpRunner.Status().Delivered == 4, what: "the AMQP subscription keeps flowing");
            amqpRunner.Status().Connected.Should().BeTrue();
            redisRunner.Status().DisconnectedSince.Should().NotBeNull();

            // Backoff (1 s, 2 s, 4 s ... with jitter): the runner tries again on its own once the server is back.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await redis.StartAsync();
            await Eventually.HoldsAsync(() => redisRunner.Status().Connected, TimeSpan.FromSeconds(30), "the Redis subscription reconnected");
            var status = redisRunner.Status();
            status.ReconnectGaps.Should().Be(1);
            status.ReconnectGapTime.Should().BeGreaterThan(TimeSpan.FromSeconds(3));
            status.Delivery.Should().Be(FanOutDelivery.AtMostOnce);
            amqpRunner.Status().ReconnectGaps.Should().Be(0);

            await using var again = await KombuRedisPublisher.ConnectAsync(redis);
            await again.PublishAsync(onRedis.Exchange, "task.sent", """{"n":6}""");
            await Eventually.HoldsAsync(() => redisRunner.Status().Delivered == 2, what: "the Redis subscription flows again");
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    public void Dispose() => _http.Dispose();
}

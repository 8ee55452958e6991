using System.Text.Json;
using Switchyard.Core.FanOut;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>Subscriptions on a real Redis server, fed by an independent client publishing as kombu does.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFanOutSessionTests(RedisServer redis) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Events_published_on_the_subscriptions_database_reach_the_api_once_in_order_and_nothing_else_does()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(new Uri(redis.Url(database: 2)), api.Host, batchMax: 5);
        await using var publisher = await KombuRedisPublisher.ConnectAsync(redis);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            runner.Status().Delivery.Should().Be(FanOutDelivery.AtMostOnce);
            for (var n = 1; n <= 9; n++)
            {
                (await publisher.PublishAsync(subscription.Exchange, "task.started", $$"""{"type":"task-started","n":{{n}}}""", database: 2))
                    .Should().Be(1, "the runner subscribed before anything was published");
            }

            await publisher.PublishAsync(subscription.Exchange, "task.multi", """[{"n":10},{"n":11}]""", database: 2);

            // Another database's app and another exchange use other channels.
            await publisher.PublishAsync(subscription.Exchange, "task.started", """{"n":100}""", database: 3);
            await publisher.PublishAsync(subscription.Exchange + "x", "task.started", """{"n":101}""", database: 2);

            await Eventually.HoldsAsync(() => runner.Status().Delivered == 11, TimeSpan.FromSeconds(15), "every event delivered");
            runner.Status().Received.Should().Be(11);
        }

        api.Received.Select(request => request.Target).Should().AllBe("/v1/events/process");
        api.Received.First().Headers["x-leek-app-name"].ToString().Should().Be("shop");
        FanOutHarness.EventNumbers(api.Received).Should().Equal(Enumerable.Range(1, 11));
    }

    [Fact]
    public async Task A_message_that_is_no_event_goes_to_the_dead_letter_list_with_its_reason()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(new Uri(redis.Url()), api.Host, batchMax: 1);
        await using var publisher = await KombuRedisPublisher.ConnectAsync(redis);
        await using var runner = await FanOutHarness.StartAsync(subscription, _http);

        await publisher.PublishRawAsync($"/0.{subscription.Exchange}/task.sent", "not an envelope");
        await publisher.PublishAsync(subscription.Exchange, "task.sent", "[1]");
        await publisher.PublishAsync(subscription.Exchange, "task.sent", """{"n":1}""");

        await Eventually.HoldsAsync(() => runner.Status().Delivered == 1 && runner.Status().DeadLettered == 2, what: "one delivered, two dead-lettered");
        var dead = (await publisher.Database().ListRangeAsync(subscription.Queue + ".dead")).Select(entry => JsonDocument.Parse(entry.ToString()).RootElement).ToList();
        dead.Should().HaveCount(2);
        dead[0].GetProperty("reason").GetString().Should().StartWith("not a kombu message (not JSON");
        dead[0].GetProperty("payload").GetString().Should().Be("not an envelope");
        dead[0].GetProperty("routing_key").GetString().Should().Be("task.sent");
        dead[1].GetProperty("reason").GetString().Should().Be("array item 0 is not a JSON object but a number");
    }

    [Fact]
    public async Task A_failing_api_is_retried_holding_at_most_the_prefetch_in_memory_the_oldest_waiting_batches_dead_lettered()
    {
        var failing = 1;
        await using var api = await TestBackend.StartAsync(context => TestBackend.Json(context, "{}", Volatile.Read(ref failing) == 1 ? 503 : 201));
        var subscription = FanOutHarness.Subscription(new Uri(redis.Url()), api.Host, batchMax: 1) with { PrefetchCount = 3 };
        await using var publisher = await KombuRedisPublisher.ConnectAsync(redis);
        await using var runner = await FanOutHarness.StartAsync(subscription, _http);

        await publisher.PublishAsync(subscription.Exchange, "task.sent", """{"n":1}""");
        await Eventually.HoldsAsync(() => runner.Status().Retries >= 1, what: "the first batch refused");
        for (var n = 2; n <= 10; n++)
        {
            await publisher.PublishAsync(subscription.Exchange, "task.sent", $$"""{"n":{{n}}}""");
        }

        var list = subscription.Queue + ".dead";
        await Eventually.HoldsAsync(() => publisher.Database().ListLength(list) == 6, what: "batches 2 to 7 dead-lettered");
        var dead = (await publisher.Database().ListRangeAsync(list)).Select(entry => JsonDocument.Parse(entry.ToString()).RootElement).ToList();
        dead.Select(entry => JsonDocument.Parse(entry.GetProperty("payload").GetString()!).RootElement[0].GetProperty("n").GetInt32())
            .Should().Equal(2, 3, 4, 5, 6, 7);
        dead[0].GetProperty("reason").GetString().Should().Be("more than 3 events (prefetch_count) were waiting for the events API (the events API answered 503)");
        dead[0].GetProperty("events").GetInt32().Should().Be(1);

        Volatile.Write(ref failing, 0);
        await Eventually.HoldsAsync(() => runner.Status().Delivered == 4, TimeSpan.FromSeconds(20), "the held batches delivered once the API recovered");
        FanOutHarness.EventNumbers(api.Received.Where(request => request.Body.Length > 0)).Distinct().Order().Should().Equal(1, 8, 9, 10);
        runner.Status().DeadLettered.Should().Be(6);
    }

    [Fact]
    public async Task What_the_api_has_not_accepted_when_the_subscription_stops_is_dead_lettered_not_dropped()
    {
        await using var api = await TestBackend.StartAsync("{}", 503);
        var subscription = FanOutHarness.Subscription(new Uri(redis.Url()), api.Host, batchMax: 2);
        await using var publisher = await KombuRedisPublisher.ConnectAsync(redis);
        var runner = await FanOutHarness.StartAsync(subscription, _http);
        for (var n = 1; n <= 3; n++)
        {
            await publisher.PublishAsync(subscription.Exchange, "task.sent", $$"""{"n":{{n}}}""");
        }

        await Eventually.HoldsAsync(() => runner.Status().Retries >= 1 && runner.Status().BatchEvents == 1, what: "one batch refused, one event batching");
        await runner.DisposeAsync();

        var dead = (await publisher.Database().ListRangeAsync(subscription.Queue + ".dead")).Select(entry => JsonDocument.Parse(entry.ToString()).RootElement).ToList();
        dead.Select(entry => entry.GetProperty("events").GetInt32()).Sum().Should().Be(3, "the refused batch and the one being filled");
        dead.Should().AllSatisfy(entry => entry.GetProperty("reason").GetString().Should()
            .Be("the events API had not accepted the batch when the subscription stopped (the events API answered 503)"));
        runner.Status().BatchesInFlight.Should().Be(0);
    }

    [Fact]
    public async Task A_server_that_goes_away_is_reconnected_with_backoff_and_the_gap_is_counted()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(new Uri(redis.Url()), api.Host, batchMax: 1);
        await using var runner = await FanOutHarness.StartAsync(subscription, _http);

        await redis.StopAsync();
        try
        {
            await Eventually.HoldsAsync(() => !runner.Status().Connected, what: "the loss noticed");
            runner.Status().DisconnectedSince.Should().NotBeNull();

            // Down for a while: the runner keeps trying with backoff.
            await Task.Delay(TimeSpan.FromSeconds(2));
            runner.Status().State.Should().Be(FanOutState.Reconnecting);
        }
        finally
        {
            await redis.StartAsync();
        }

        await Eventually.HoldsAsync(() => runner.Status().Connected, TimeSpan.FromSeconds(30), "reconnected");
        var status = runner.Status();
        status.ReconnectGaps.Should().Be(1);
        status.ReconnectGapTime.Should().BeGreaterThan(TimeSpan.FromSeconds(2));
        status.DisconnectedSince.Should().BeNull();
        status.LastError.Should().NotContain(redis.Password);

        await using var publisher = await KombuRedisPublisher.ConnectAsync(redis);
        await publisher.PublishAsync(subscription.Exchange, "task.sent", """{"n":1}""");
        await Eventually.HoldsAsync(() => runner.Status().Delivered == 1, what: "delivered after the reconnect");
    }

    [Fact]
    public async Task Wrong_credentials_are_reported_without_the_password_and_never_connect()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(new Uri($"redis://:wrong-secret@127.0.0.1:{redis.Port}/0"), api.Host);
        await using var runner = new FanOutSubscriptionRunner(subscription, new EventApiClient(_http));
        await runner.StartAsync();

        await Eventually.HoldsAsync(() => runner.Status().LastError is not null, what: "the failure reported");
        runner.Status().LastError.Should().Be("the broker refused the credentials");
        runner.Status().Connected.Should().BeFalse();
        (await BrokerProbe.CheckAsync(subscription)).Should().Be(BrokerCheck.CredentialsRefused);
        (await BrokerProbe.CheckAsync(subscription with { Broker = redis.Url() })).Should().Be(BrokerCheck.Reachable);
        (await BrokerProbe.CheckAsync(subscription with { Broker = $"redis://default:{redis.Password}@127.0.0.1:{redis.Port}/0" }))
            .Should().Be(BrokerCheck.Reachable, "a user name goes with the password (Redis 6 ACL AUTH)");
        (await BrokerProbe.CheckAsync(subscription with { Broker = $"redis://someone:{redis.Password}@127.0.0.1:{redis.Port}/0" }))
            .Should().Be(BrokerCheck.CredentialsRefused, "no such user");
        (await BrokerProbe.CheckAsync(subscription with { Broker = $"redis://127.0.0.1:{ClosedPort.Number()}/0" })).Should().Be(BrokerCheck.Unreachable);
    }

    public void Dispose() => _http.Dispose();
}

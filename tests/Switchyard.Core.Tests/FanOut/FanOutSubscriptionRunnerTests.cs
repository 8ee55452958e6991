using System.Collections.Concurrent;
using RabbitMQ.Client;
using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

[Collection(RabbitMqCollection.Name)]
public sealed class FanOutSubscriptionRunnerTests(RabbitMqServer broker) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Published_events_reach_the_api_in_batches_of_the_event_count_and_are_acked()
    {
        await using var api = await TestBackend.StartAsync("""{"success":5}""", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 5);
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            for (var n = 1; n <= 10; n++)
            {
                await client.PublishAsync(subscription.Exchange, "task.started", $$"""{"type":"task-started","n":{{n}}}""");
            }

            await Eventually.HoldsAsync(() => api.Received.Count == 2, what: "two batches posted");
            await Eventually.HoldsAsync(() => runner.Status().Delivered == 10, what: "every event delivered");
            runner.Status().LastFlushReason.Should().Be(FlushReason.Count);
        }

        api.Received.Select(request => request.Target).Should().AllBe("/v1/events/process");
        FanOutHarness.EventNumbers(api.Received).Should().Equal(Enumerable.Range(1, 10));
        (await client.MessageCountAsync(subscription.Queue)).Should().Be(0, "every message was acked, none returned to the queue");
    }

    [Fact]
    public async Task A_partial_batch_is_sent_when_the_window_ends_with_no_further_message()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host);
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using var runner = await FanOutHarness.StartAsync(subscription, _http);

        await client.PublishAsync(subscription.Exchange, "task.sent", """{"n":1}""");
        await client.PublishAsync(subscription.Exchange, "task.multi", """[{"n":2},{"n":3}]""");

        await Eventually.HoldsAsync(() => runner.Status().Delivered == 3, TimeSpan.FromSeconds(10), "the window flushed the batch");
        FanOutHarness.EventNumbers(api.Received).Should().Equal(1, 2, 3);
        runner.Status().LastFlushReason.Should().Be(FlushReason.Window);
    }

    [Fact]
    public async Task A_batch_is_sent_as_soon_as_its_payload_reaches_the_size_limit()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, sizeMb: 1);
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using var runner = await FanOutHarness.StartAsync(subscription, _http);
        var padding = new string('x', 600 * 1024);

        await client.PublishAsync(subscription.Exchange, "task.succeeded", $$"""{"n":1,"result":"{{padding}}"}""");
        await client.PublishAsync(subscription.Exchange, "task.succeeded", $$"""{"n":2,"result":"{{padding}}"}""");

        await Eventually.HoldsAsync(() => runner.Status().Delivered == 2, TimeSpan.FromSeconds(3), "the size limit flushed before the 5 s window");
        runner.Status().LastFlushReason.Should().Be(FlushReason.Size);
        FanOutHarness.EventNumbers(api.Received).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_failing_api_gets_the_same_batch_again_and_nothing_is_lost_or_acked_before_it_recovers()
    {
        var answers = 0;
        var accepted = new ConcurrentQueue<ReceivedRequest>();
        await using var api = await TestBackend.StartAsync(async context =>
        {
            var status = Interlocked.Increment(ref answers) <= 2 ? 503 : 201;
            await TestBackend.Json(context, "{}", status);
        });
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 3);
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            for (var n = 1; n <= 6; n++)
            {
                await client.PublishAsync(subscription.Exchange, "task.received", $$"""{"n":{{n}}}""");
            }

            await Eventually.HoldsAsync(() => runner.Status().Delivered == 6, TimeSpan.FromSeconds(20), "every event delivered after the API recovered");
            runner.Status().Retries.Should().BeGreaterThanOrEqualTo(2);
            runner.Status().LastError.Should().Be("the events API answered 503");
        }

        var requests = api.Received.ToList();
        requests.Should().HaveCountGreaterThanOrEqualTo(4);
        FanOutHarness.EventNumbers(requests.Skip(2)).Order().Should().Equal(Enumerable.Range(1, 6), "the refused batches were posted again");
        (await client.MessageCountAsync(subscription.Queue)).Should().Be(0);
    }

    [Fact]
    public async Task With_several_batches_in_flight_a_later_batch_accepted_first_never_acks_an_earlier_one()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = 0;
        await using var api = await TestBackend.StartAsync(async context =>
        {
            // The first batch is held until the second has been accepted.
            if (Interlocked.Increment(ref posts) == 1)
            {
                await first.Task.WaitAsync(context.RequestAborted);
            }

            await TestBackend.Json(context, "{}", 201);
        });
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 2) with { ConcurrencyPoolSize = 2 };
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            for (var n = 1; n <= 4; n++)
            {
                await client.PublishAsync(subscription.Exchange, "task.sent", $$"""{"n":{{n}}}""");
            }

            await Eventually.HoldsAsync(() => runner.Status().Delivered == 2, what: "the second batch accepted");
            runner.Status().BatchesInFlight.Should().Be(1, "the first batch is still being posted");

            first.SetResult();
            await Eventually.HoldsAsync(() => runner.Status().Delivered == 4, what: "the first batch accepted");
            await runner.StopAsync();

            // Acking tags twice would have made the broker close the channel, a lost connection on the status.
            runner.Status().LastError.Should().BeNull();
        }

        (await client.MessageCountAsync(subscription.Queue)).Should().Be(0);
    }

    [Fact]
    public async Task Messages_left_unaccepted_at_stop_stay_in_the_queue()
    {
        await using var api = await TestBackend.StartAsync("{}", 503);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 2);
        await using var client = await BrokerClient.ConnectAsync(broker);
        var runner = await FanOutHarness.StartAsync(subscription, _http);
        await client.PublishAsync(subscription.Exchange, "task.sent", """{"n":1}""");
        await client.PublishAsync(subscription.Exchange, "task.sent", """{"n":2}""");
        await Eventually.HoldsAsync(() => runner.Status().Retries > 0, what: "a refused post");

        await runner.DisposeAsync();

        runner.Status().State.Should().Be(FanOutState.Stopped);
        runner.Status().Delivered.Should().Be(0);
        await Eventually.HoldsAsync(() => client.MessageCountAsync(subscription.Queue).Result == 2, what: "both messages back in the queue");
    }

    [Fact]
    public async Task Invalid_events_are_dead_lettered_with_the_reason_and_never_block_the_batch()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 2);
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            await client.PublishAsync(subscription.Exchange, "task.sent", "not json");
            await client.PublishAsync(subscription.Exchange, "task.multi", """[{"n":1},"oops"]""");
            await client.PublishAsync(subscription.Exchange, "task.sent", """{"n":2}""");

            await Eventually.HoldsAsync(() => runner.Status().Delivered == 2, what: "the valid events delivered");
            runner.Status().DeadLettered.Should().Be(2);
        }

        FanOutHarness.EventNumbers(api.Received).Should().Equal(1, 2);
        (await client.MessageCountAsync(subscription.Queue)).Should().Be(0, "dead-lettered messages are acked, not retried");
        var reasons = new List<string>();
        while (await client.GetAsync(subscription.Queue + ".dead") is { } dead)
        {
            reasons.Add(Utf8.Header(dead.BasicProperties.Headers![Core.Agents.DeadLetterHeaders.Reason]));
        }

        reasons.Should().HaveCount(2);
        reasons[0].Should().StartWith("not JSON");
        reasons[1].Should().Be("array item 1 is not a JSON object but a string");
    }

    [Fact]
    public async Task With_the_celery_transform_the_api_gets_merged_documents_and_invalid_events_are_dead_lettered()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 3) with { Transform = EventTransform.Celery };
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            const string common = "\"utcoffset\":0,\"pid\":1,\"clock\":1";
            await client.PublishAsync(subscription.Exchange, "task.multi", $$"""[{"type":"task-started","uuid":"u1","timestamp":1.0,{{common}}},{"type":"task-bogus"}]""");
            await client.PublishAsync(subscription.Exchange, "task.multi", $$"""[{"type":"task-succeeded","uuid":"u1","timestamp":2.0,"runtime":0.5,{{common}}}]""");
            await client.PublishAsync(subscription.Exchange, "task.sent", $$"""{"type":"task-sent","uuid":"u2","timestamp":3.0,{{common}}}""");

            await Eventually.HoldsAsync(() => runner.Status().Delivered == 3, what: "the batch delivered");
            runner.Status().DeadLettered.Should().Be(1);
        }

        var documents = System.Text.Json.JsonDocument.Parse(api.Received.Single().Body).RootElement;
        documents.GetArrayLength().Should().Be(2);
        documents[0].GetProperty("id").GetString().Should().Be("u1");
        documents[0].GetProperty("state").GetString().Should().Be("SUCCEEDED");
        documents[0].GetProperty("app_env").GetString().Should().Be(subscription.AppEnv);
        documents[1].GetProperty("state").GetString().Should().Be("QUEUED");
    }

    [Fact]
    public async Task A_broker_that_is_down_or_refuses_the_credentials_never_blocks_another_subscription()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var down = FanOutHarness.Subscription(new Uri(ClosedPort.Host().Replace("http", "amqp", StringComparison.Ordinal)), api.Host);
        var refused = FanOutHarness.Subscription(new Uri($"amqp://guest:wrong@127.0.0.1:{broker.Port}/"), api.Host);
        var healthy = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 1);
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using var downRunner = new FanOutSubscriptionRunner(down, new EventApiClient(_http));
        await using var refusedRunner = new FanOutSubscriptionRunner(refused, new EventApiClient(_http));
        await downRunner.StartAsync();
        await refusedRunner.StartAsync();

        await using var healthyRunner = await FanOutHarness.StartAsync(healthy, _http);
        await client.PublishAsync(healthy.Exchange, "task.sent", """{"n":7}""");

        await Eventually.HoldsAsync(() => healthyRunner.Status().Delivered == 1, what: "the healthy subscription delivered");
        await Eventually.HoldsAsync(() => refusedRunner.Status().LastError == "the broker refused the credentials", what: "the refusal reported");
        downRunner.Status().Connected.Should().BeFalse();
        downRunner.Status().LastError.Should().StartWith("the broker is unreachable");
        refusedRunner.Status().LastError.Should().NotContain("wrong");
    }

    [Fact]
    public async Task A_subscription_reconnects_after_its_broker_comes_back()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 1);
        await using var runner = await FanOutHarness.StartAsync(subscription, _http);

        await broker.StopAppAsync();
        try
        {
            await Eventually.HoldsAsync(() => !runner.Status().Connected, what: "the loss noticed");
        }
        finally
        {
            await broker.StartAppAsync();
        }

        await Eventually.HoldsAsync(() => runner.Status().Connected, TimeSpan.FromSeconds(30), "reconnected");
        await using var client = await BrokerClient.ConnectAsync(broker);
        await client.PublishAsync(subscription.Exchange, "task.sent", """{"n":1}""");
        await Eventually.HoldsAsync(() => runner.Status().Delivered == 1, what: "delivered after the reconnect");
    }

    public void Dispose() => _http.Dispose();
}

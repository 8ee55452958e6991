using System.Diagnostics;
using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut;

[Collection(RabbitMqCollection.Name)]
public sealed class FanOutBatchSpanTests(RabbitMqServer broker) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Each_delivered_batch_has_a_consumer_span_with_its_refused_posts_as_events_and_its_posts_as_children()
    {
        var answers = 0;
        await using var api = await TestBackend.StartAsync(context =>
            TestBackend.Json(context, "{}", Interlocked.Increment(ref answers) == 1 ? 503 : 201));
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host, batchMax: 3) with { AppName = "traced-" + Guid.NewGuid().ToString("N")[..8] };
        using var spans = new SpanRecorder();
        await using var client = await BrokerClient.ConnectAsync(broker);
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            for (var n = 1; n <= 3; n++)
            {
                await client.PublishAsync(subscription.Exchange, "task.started", $$"""{"type":"task-started","n":{{n}}}""");
            }

            await Eventually.HoldsAsync(() => runner.Status().Delivered == 3, TimeSpan.FromSeconds(20), "the batch delivered after one refusal");
        }

        var batch = spans.AnyTrace.Should().ContainSingle(s => Equals(s.GetTagItem(FanOutBatchSpan.SubscriptionAttribute), subscription.Name)).Subject;
        batch.DisplayName.Should().Be("process " + subscription.Queue);
        batch.Kind.Should().Be(ActivityKind.Consumer);
        batch.GetTagItem("messaging.system").Should().Be("rabbitmq");
        batch.GetTagItem(FanOutBatchSpan.CountAttribute).Should().Be(3);
        batch.GetTagItem(FanOutBatchSpan.FlushAttribute).Should().Be("count");
        batch.Events.Should().ContainSingle(e => e.Name == FanOutBatchSpan.RetryEvent);
        api.Received.Should().HaveCount(2);
        api.Received.Select(r => r.Headers["traceparent"].ToString()).Should().OnlyContain(header => header.Contains(batch.TraceId.ToHexString()));
    }

    public void Dispose() => _http.Dispose();
}

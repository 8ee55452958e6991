using System.Text;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Switchyard.AgentBench.FanOut;

/// <summary>
/// Publishes N Celery-like task events as fast as the broker takes them, in windows of 512 awaited together: to the
/// subscription's topic exchange with confirms (AMQP), or on kombu's fanout channel in kombu's envelope (Redis).
/// </summary>
internal static class FanOutPublisher
{
    public const string RoutingKey = "task.succeeded";
    private const int Window = 512;

    public static async Task PublishAmqpAsync(IConnection connection, string exchange, int events)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json" };
        var pending = new List<Task>(Window);
        for (var n = 0; n < events; n++)
        {
            pending.Add(channel.BasicPublishAsync(exchange, RoutingKey, mandatory: false, properties, Encoding.UTF8.GetBytes(Event(n))).AsTask());
            if (pending.Count == Window)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    public static async Task PublishRedisAsync(IConnectionMultiplexer redis, string exchange, int events)
    {
        var subscriber = redis.GetSubscriber();
        var channel = RedisChannel.Literal($"/0.{exchange}/{RoutingKey}");
        var pending = new List<Task>(Window);
        for (var n = 0; n < events; n++)
        {
            pending.Add(subscriber.PublishAsync(channel, Envelope(exchange, Event(n))));
            if (pending.Count == Window)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    /// <summary>A task-succeeded event the size of a real one (about 250 bytes).</summary>
    private static string Event(int n) =>
        $$"""{"type":"task-succeeded","uuid":"{{Guid.NewGuid()}}","hostname":"celery@bench","clock":{{n}},"pid":4242,"utcoffset":0,"timestamp":1796446816.933381,"result":"'ok'","runtime":0.0012}""";

    /// <summary>kombu 5.2's envelope as a Celery worker publishes it on Redis: the event base64 in <c>body</c>.</summary>
    private static string Envelope(string exchange, string json) =>
        $$$"""{"body": "{{{Convert.ToBase64String(Encoding.UTF8.GetBytes(json))}}}", "content-encoding": "utf-8", "content-type": "application/json", "headers": {"hostname": "celery@bench"}, "properties": {"delivery_mode": 1, "delivery_info": {"exchange": "{{{exchange}}}", "routing_key": "{{{RoutingKey}}}"}, "priority": 0, "body_encoding": "base64", "delivery_tag": "{{{Guid.NewGuid()}}}"}}""";
}

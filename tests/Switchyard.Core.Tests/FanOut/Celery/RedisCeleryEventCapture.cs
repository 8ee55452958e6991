using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>
/// What Celery emitted on a Redis broker, seen independently of the fan-out agent: its own client PSUBSCRIBEd to the
/// channels Celery's event receivers use (<c>/{db}.celeryev/*</c>), each message's kombu envelope opened here (its
/// base64 <c>body</c>) and unpacked into events, <c>task.multi</c> arrays included.
/// </summary>
internal sealed class RedisCeleryEventCapture : ICeleryEventCapture
{
    private readonly ConnectionMultiplexer _redis;

    private RedisCeleryEventCapture(ConnectionMultiplexer redis) => _redis = redis;

    /// <summary>Every event received, in arrival order.</summary>
    public ConcurrentQueue<CeleryEvent> Events { get; } = new();

    /// <summary>Subscribes; events Celery publishes before this returns are not seen (publish/subscribe keeps nothing).</summary>
    public static async Task<RedisCeleryEventCapture> StartAsync(RedisServer server, int database, string exchange)
    {
        var capture = new RedisCeleryEventCapture(await ConnectionMultiplexer.ConnectAsync(server.ClientConfiguration));
        var messages = await capture._redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern($"/{database}.{exchange}/*"));
        messages.OnMessage(message =>
        {
            using var envelope = JsonDocument.Parse((string)message.Message!);
            var body = Convert.FromBase64String(envelope.RootElement.GetProperty("body").GetString()!);
            foreach (var item in CeleryEvent.Parse(body))
            {
                capture.Events.Enqueue(item);
            }
        });
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.CloseAsync();
        await _redis.DisposeAsync();
    }
}

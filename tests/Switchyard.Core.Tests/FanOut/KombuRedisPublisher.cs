using StackExchange.Redis;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>
/// Publishes events on Redis as a Celery 5.2 app on kombu 5.2 does (checked against a real worker with redis-cli):
/// a JSON envelope with the event base64-encoded in <c>body</c>, on <c>/{db}.{exchange}/{routing_key}</c>.
/// </summary>
internal sealed class KombuRedisPublisher : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private KombuRedisPublisher(ConnectionMultiplexer redis) => _redis = redis;

    public static async Task<KombuRedisPublisher> ConnectAsync(RedisServer server) =>
        new(await ConnectionMultiplexer.ConnectAsync(server.ClientConfiguration));

    /// <summary>The independent client, for reading dead-letter lists.</summary>
    public IDatabase Database(int database = 0) => _redis.GetDatabase(database);

    /// <summary>Publishes <paramref name="json"/> as an event body; returns how many subscribers received it.</summary>
    public Task<long> PublishAsync(string exchange, string routingKey, string json, int database = 0) =>
        PublishRawAsync($"/{database}.{exchange}/{routingKey}", Envelope(exchange, routingKey, json));

    public Task<long> PublishRawAsync(string channel, string message) =>
        _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message);

    public static string Envelope(string exchange, string routingKey, string json) =>
        $$$"""{"body": "{{{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json))}}}", "content-encoding": "utf-8", "content-type": "application/json", "headers": {"hostname": "test@host"}, "properties": {"delivery_mode": 1, "delivery_info": {"exchange": "{{{exchange}}}", "routing_key": "{{{routingKey}}}"}, "priority": 0, "body_encoding": "base64", "delivery_tag": "{{{Guid.NewGuid()}}}"}}""";

    public async ValueTask DisposeAsync()
    {
        await _redis.CloseAsync();
        await _redis.DisposeAsync();
    }
}

using System.Text.Json;
using StackExchange.Redis;
using Switchyard.Core.Agents;

namespace Switchyard.Core.FanOut;

/// <summary>
/// One connection of a subscription to a Redis broker: PSUBSCRIBEs the channels Celery's events are published on
/// (<see cref="KombuRedisChannels"/>), opens kombu's envelope (<see cref="KombuEnvelope"/>), then batches and posts
/// through the same decoder, batcher and events API client as the AMQP path.
/// </summary>
/// <remarks>
/// Publish/subscribe has no acknowledgement and no redelivery: an event published while no connection is subscribed
/// is lost, as it is for Leek and for Celery's own event receivers, and what this session holds exists nowhere else.
/// So a failing API is retried with backoff while the batch stays in memory, up to a bound: when more than
/// <c>prefetch_count</c> events are waiting behind the batches being posted, the oldest waiting batch is moved to the
/// Redis list <c>{queue}.dead</c> with the reason (RPUSH, one JSON entry per batch). Messages that are not JSON events
/// go there too. A stop, or a lost connection, still posts what is held, for up to the grace period; what the API has
/// not accepted by then is dead-lettered (lost when Redis itself is down, and counted as an error).
/// </remarks>
internal sealed class RedisFanOutSession : IFanOutSession
{
    /// <summary>How long connecting and each command may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly Subscription _subscription;
    private readonly TimeProvider _time;
    private readonly FanOutMeter _meter;
    private readonly EventDecoder _decoder;
    private readonly ConnectionMultiplexer _redis;
    private readonly RedisKey _deadLetters;
    private readonly BatchPoster _poster;
    private readonly CancellationTokenSource _ending = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChannelMessageQueue? _messages;
    private ulong _sequence;
    private volatile bool _stopping;
    private int _disposed;

    private RedisFanOutSession(Subscription subscription, EventApiClient api, TimeProvider time, Backoff backoff, FanOutMeter meter, ConnectionMultiplexer redis)
    {
        _subscription = subscription;
        _time = time;
        _meter = meter;
        _redis = redis;
        _deadLetters = subscription.Queue + DeadLetterHeaders.QueueSuffix;
        _decoder = EventDecoder.For(subscription, time);
        _poster = new BatchPoster(subscription, api, time, backoff, meter, _ => Task.CompletedTask, Lost, _ending.Token);
        Batcher = Batcher.For(subscription, time, Enqueue);
    }

    public Batcher Batcher { get; }

    public Task<string> Closed => _closed.Task;

    public bool RedeliversAfterLoss => false;

    /// <summary>Connects with the URL's credentials, subscribes and starts posting.</summary>
    public static async Task<RedisFanOutSession> OpenAsync(
        Subscription subscription, EventApiClient api, TimeProvider time, Backoff backoff, FanOutMeter meter, CancellationToken cancellationToken)
    {
        var options = RedisBrokerUrl.Parse(subscription.Broker).ClientOptions("switchyard-fanout::" + subscription.Name, ConnectTimeout);
        var redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
        var session = new RedisFanOutSession(subscription, api, time, backoff, meter, redis);
        try
        {
            await session.StartAsync().ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync(TimeSpan grace)
    {
        _stopping = true;
        if (_messages is { } messages && !_closed.Task.IsCompleted)
        {
            try
            {
                await messages.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // The connection is gone: nothing more arrives anyway.
            }
        }

        // False when the API is still failing: what it has not taken is dead-lettered when the session is disposed.
        await _poster.FinishAsync(Batcher, grace).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        await _ending.CancelAsync().ConfigureAwait(false);
        await _poster.StoppedAsync().ConfigureAwait(false);

        Batcher.Dispose();

        // Nothing redelivers these: they go to the dead-letter list rather than vanish.
        var left = new List<EventBatch>(_poster.Abandoned);
        while (_poster.TryTakeWaiting(out var waiting))
        {
            left.Add(waiting);
            _meter.BatchDone();
        }

        if (Batcher.Drain() is { } filling)
        {
            left.Add(filling);
        }

        var reason = "the events API had not accepted the batch when the subscription " + (_closed.Task.IsCompleted ? "lost its connection" : "stopped")
            + (_poster.LastError is { } error ? " (" + error + ")" : "");
        foreach (var batch in left)
        {
            await DeadLetterBatchAsync(batch, reason).ConfigureAwait(false);
        }

        _redis.ConnectionFailed -= OnConnectionFailed;
        await _redis.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
        await _redis.DisposeAsync().ConfigureAwait(false);
        _ending.Dispose();
    }

    private async Task StartAsync()
    {
        _redis.ConnectionFailed += OnConnectionFailed;
        _poster.Start();
        var s = _subscription;
        var database = RedisBrokerUrl.Parse(s.Broker).Database;
        var pattern = RedisChannel.Pattern(KombuRedisChannels.Pattern(database, s.Exchange, s.RoutingKey));
        _messages = await _redis.GetSubscriber().SubscribeAsync(pattern).ConfigureAwait(false);

        // One message at a time, in publishing order.
        _messages.OnMessage(OnMessageAsync);
    }

    // The failure's kind only: the client's exception messages may quote its configuration, password included.
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs args) =>
        _closed.TrySetResult($"{args.FailureType} on the {args.ConnectionType.ToString().ToLowerInvariant()} connection");

    private Task Lost(string reason)
    {
        _closed.TrySetResult(reason);
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        if (_stopping)
        {
            return;
        }

        var routingKey = KombuRedisChannels.RoutingKey(message.Channel.ToString());
        byte[] envelope = message.Message!;
        try
        {
            if (KombuEnvelope.Open(envelope, out var reason) is not { } body)
            {
                await DeadLetterAsync(reason!, routingKey, System.Text.Encoding.UTF8.GetString(envelope)).ConfigureAwait(false);
                return;
            }

            var decoded = _decoder.Decode(body);
            _meter.Received(decoded.Events.Count, decoded.Expired);
            foreach (var rejected in decoded.Rejected)
            {
                await DeadLetterAsync(rejected.Reason, routingKey, System.Text.Encoding.UTF8.GetString(rejected.Payload)).ConfigureAwait(false);
            }

            if (decoded.Events.Count > 0)
            {
                Batcher.Add(new BatchEntry(Interlocked.Increment(ref _sequence), body.Length, decoded.Events));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _meter.Error("a message on " + message.Channel + " could not be handled: " + exception.Message);
        }
    }

    private void Enqueue(EventBatch batch)
    {
        if (!_poster.Enqueue(batch))
        {
            return;
        }

        // The bound of memory: the oldest waiting batches give way to the newer ones.
        List<EventBatch>? overflow = null;
        while (_poster.WaitingEvents > _subscription.PrefetchCount && _poster.TryTakeWaiting(out var oldest))
        {
            (overflow ??= []).Add(oldest);
        }

        if (overflow is not null)
        {
            var reason = $"more than {_subscription.PrefetchCount} events (prefetch_count) were waiting for the events API"
                + (_poster.LastError is { } error ? " (" + error + ")" : "");
            _ = DeadLetterOverflowAsync(overflow, reason);
        }
    }

    private async Task DeadLetterOverflowAsync(List<EventBatch> batches, string reason)
    {
        foreach (var batch in batches)
        {
            await DeadLetterBatchAsync(batch, reason).ConfigureAwait(false);
            _meter.BatchDone();
        }
    }

    private Task DeadLetterBatchAsync(EventBatch batch, string reason) =>
        DeadLetterAsync(reason, null, System.Text.Encoding.UTF8.GetString(batch.ToJson()), batch.EventCount);

    /// <summary>RPUSHes <c>{"reason", "routing_key", "events", "payload", "at"}</c> to the dead-letter list; a failure is counted as an error.</summary>
    private async Task DeadLetterAsync(string reason, string? routingKey, string payload, int events = 0)
    {
        var entry = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(entry))
        {
            writer.WriteStartObject();
            writer.WriteString("reason", reason);
            if (routingKey is not null)
            {
                writer.WriteString("routing_key", routingKey);
            }

            if (events > 0)
            {
                writer.WriteNumber("events", events);
            }

            writer.WriteString("payload", payload);
            writer.WriteNumber("at", _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
            writer.WriteEndObject();
        }

        try
        {
            await _redis.GetDatabase().ListRightPushAsync(_deadLetters, entry.WrittenMemory.ToArray()).ConfigureAwait(false);
            _meter.DeadLettered(reason);
        }
        catch (Exception exception) when (exception is RedisException or ObjectDisposedException)
        {
            _meter.Error($"lost {(events > 0 ? events + " events" : "a message")} that could not be dead-lettered to {_deadLetters} ({exception.Message}): {reason}");
        }
    }
}

using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;

namespace Switchyard.Core.FanOut;

/// <summary>
/// One connection of a subscription: declares Leek's topology, consumes with manual acks, batches, and posts batches
/// with up to <c>concurrency_pool_size</c> in flight. A batch is acked only once the API accepted it; a failed post is
/// retried with backoff while the batch keeps its messages unacked, which also stops the broker from sending more than
/// the prefetch (Leek instead dropped the batch and reconnected, getting everything redelivered). When the connection
/// is lost, whatever was not acked returns to the queue and is delivered again: delivery is at least once.
/// </summary>
internal sealed class AmqpFanOutSession : IFanOutSession
{
    private const string ConsumerTag = "switchyard-fanout";

    private readonly Subscription _subscription;
    private readonly TimeProvider _time;
    private readonly FanOutMeter _meter;
    private readonly EventDecoder _decoder;
    private readonly AckWatermark _watermark = new();
    private readonly SemaphoreSlim _acking = new(1, 1);
    private readonly BatchPoster _poster;
    private readonly CancellationTokenSource _ending = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly AmqpSideChannel _side;
    private volatile bool _stopping;
    private int _disposed;

    private AmqpFanOutSession(Subscription subscription, EventApiClient api, TimeProvider time, Backoff backoff, FanOutMeter meter, IConnection connection, IChannel channel)
    {
        _subscription = subscription;
        _time = time;
        _meter = meter;
        _connection = connection;
        _channel = channel;
        _side = new AmqpSideChannel(connection);
        _decoder = EventDecoder.For(subscription, time);
        _poster = new BatchPoster(subscription, api, time, backoff, meter, SettleAcceptedAsync, Lost, _ending.Token);
        Batcher = Batcher.For(subscription, time, batch => _poster.Enqueue(batch));
    }

    public Batcher Batcher { get; }

    /// <summary>Completes with the reason when the connection, the channel or the consumer is lost.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>True: what was not acked returns to the queue when the connection is lost.</summary>
    public bool RedeliversAfterLoss => true;

    /// <summary>Connects, declares and starts consuming and posting.</summary>
    public static async Task<AmqpFanOutSession> OpenAsync(
        Subscription subscription, EventApiClient api, TimeProvider time, Backoff backoff, FanOutMeter meter, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(subscription.Broker),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = TimeSpan.FromSeconds(30),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),

            // One delivery at a time: tags reach the watermark in delivery order.
            ConsumerDispatchConcurrency = 1,
            ClientProvidedName = "switchyard-fanout::" + subscription.Name,
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        AmqpFanOutSession? session = null;
        try
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            session = new AmqpFanOutSession(subscription, api, time, backoff, meter, connection, channel);
            await session.StartAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await AmqpClosing.CloseQuietlyAsync(connection).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Stops consuming, sends the batch being filled and waits up to <paramref name="grace"/> for the batches in
    /// flight to be accepted and acked; what is still unacked after that returns to the queue when the session closes.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _stopping = true;
        try
        {
            if (_channel.IsOpen)
            {
                await _channel.BasicCancelAsync(ConsumerTag, noWait: false).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (AmqpClosing.IsConnectionLoss(exception))
        {
            // Nothing more is delivered on a closed channel anyway.
        }

        // False when the API is still failing: the broker keeps the rest for the next start.
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

        // Batches cut but never posted go back to the queue with the connection.
        while (_poster.TryTakeWaiting(out _))
        {
            _meter.BatchDone();
        }

        await _side.DisposeAsync().ConfigureAwait(false);
        await AmqpClosing.CloseQuietlyAsync(_channel).ConfigureAwait(false);
        await AmqpClosing.CloseQuietlyAsync(_connection).ConfigureAwait(false);
        _ending.Dispose();
        _acking.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection.ConnectionShutdownAsync += (_, args) => Lost("connection closed: " + args.ReplyText);
        _channel.ChannelShutdownAsync += (_, args) => Lost("channel closed: " + args.ReplyText);

        // Leek's topology (§2): a durable topic exchange and a durable, shared queue without arguments.
        var s = _subscription;
        await _channel.ExchangeDeclareAsync(s.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _channel.QueueDeclareAsync(s.Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _channel.QueueBindAsync(s.Queue, s.Exchange, s.RoutingKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _channel.BasicQosAsync(0, (ushort)s.PrefetchCount, global: false, cancellationToken).ConfigureAwait(false);

        _poster.Start();

        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(delivery);
        consumer.UnregisteredAsync += (_, _) => _stopping ? Task.CompletedTask : Lost("the broker cancelled the consumer (was the queue deleted?)");
        await _channel.BasicConsumeAsync(s.Queue, autoAck: false, ConsumerTag, consumer, cancellationToken).ConfigureAwait(false);
    }

    private Task Lost(string reason)
    {
        _closed.TrySetResult(reason);
        return Task.CompletedTask;
    }

    private async Task OnDeliveryAsync(BasicDeliverEventArgs delivery)
    {
        if (_stopping)
        {
            // Not acked: it returns to the queue when the session closes.
            return;
        }

        // The client reuses the body's buffer once this handler returns.
        var body = delivery.Body.ToArray();
        var tag = delivery.DeliveryTag;
        _watermark.Delivered(tag);
        try
        {
            var decoded = _decoder.Decode(body);
            _meter.Received(decoded.Events.Count, decoded.Expired);
            foreach (var rejected in decoded.Rejected)
            {
                await DeadLetterAsync(rejected, delivery).ConfigureAwait(false);
            }

            if (decoded.Events.Count == 0)
            {
                await SettleAsync([tag]).ConfigureAwait(false);
            }
            else
            {
                Batcher.Add(new BatchEntry(tag, body.Length, decoded.Events));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Leaving the message unacked forever would hold a prefetch slot; starting over redelivers it.
            _meter.Error("delivery " + tag + " could not be handled: " + exception.Message);
            _closed.TrySetResult("a delivery could not be handled: " + exception.Message);
        }
    }

    private async Task DeadLetterAsync(RejectedEvent rejected, BasicDeliverEventArgs delivery)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            Headers = new Dictionary<string, object?>
            {
                [DeadLetterHeaders.Reason] = rejected.Reason,
                [DeadLetterHeaders.Deliveries] = delivery.Redelivered ? 2 : 1,
                [SwitchyardHeaders.RoutingKey] = delivery.RoutingKey,
            },
        };

        // Confirmed before the original is settled: a dead letter is never lost between the two.
        await _side.PublishToQueueAsync(_subscription.Queue + DeadLetterHeaders.QueueSuffix, properties, rejected.Payload, declareDurable: true, _ending.Token)
            .ConfigureAwait(false);
        _meter.DeadLettered(rejected.Reason);
    }

    private async Task SettleAcceptedAsync(EventBatch batch)
    {
        var tags = new ulong[batch.Entries.Count];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = batch.Entries[i].DeliveryTag;
        }

        try
        {
            await SettleAsync(tags).ConfigureAwait(false);
        }
        catch (Exception exception) when (AmqpClosing.IsConnectionLoss(exception))
        {
            // The API has the events; the broker will deliver them again (at least once).
            await Lost("the ack failed: " + exception.Message).ConfigureAwait(false);
        }
    }

    private async Task SettleAsync(ulong[] tags)
    {
        // One ack at a time, in watermark order: a multiple ack must never arrive after a higher one.
        await _acking.WaitAsync(_ending.Token).ConfigureAwait(false);
        try
        {
            if (_watermark.Settle(tags) is { } upTo)
            {
                await _channel.BasicAckAsync(upTo, multiple: true, _ending.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _acking.Release();
        }
    }
}

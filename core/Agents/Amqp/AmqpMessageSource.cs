using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Switchyard.Core.Agents.Amqp;

/// <summary>
/// The <c>async/amqp</c> driver: consumes one RabbitMQ queue with RabbitMQ.Client's async API.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="StartAsync"/> connects and declares as KrakenD does: the topic exchange (<c>durable</c>, auto-delete =
/// <c>delete</c>, never internal), the queue (<c>durable</c>, <c>exclusive</c>, auto-delete = <c>delete</c>), its binding
/// with the consumer's topic, the QoS when a prefetch applies (the larger of <c>prefetch_count</c> and the runner's
/// prefetch; <c>prefetch_size</c> as configured, which RabbitMQ refuses unless it is 0), then consumes with the consumer
/// tag <c>switchyard</c>, <c>auto_ack</c>, <c>exclusive</c> and <c>no_local</c>. Handlers run concurrently, up to the
/// runner's prefetch at once. The connection does not recover by itself: <see cref="Closed"/> completes and the runner
/// reconnects by calling <see cref="StartAsync"/> again (same instance or a new one).
/// </para>
/// <para>
/// Settlement: ack and nack as asked (nothing is sent with <c>auto_ack</c>; <c>nack_discard</c> turns every requeue
/// into a discard). A dead letter is a persistent copy published to the durable queue <c>&lt;queue&gt;.dead</c> with the
/// headers <c>x-switchyard-reason</c> and <c>x-switchyard-deliveries</c>, confirmed by the broker before the original is
/// acked (with <c>auto_ack</c> the copy is still made: the broker has already forgotten the original).
/// </para>
/// <para>
/// Delivery count: RabbitMQ's classic queues do not count deliveries, they only flag a redelivery. So that
/// <c>max_deliveries</c> can work, when it is above zero a nack with requeue becomes a counted copy published
/// (confirmed) to the queue's tail with <c>x-switchyard-deliveries</c> = the deliveries made so far, and the original is
/// acked. <see cref="AgentMessage.DeliveryCount"/> is that header + 1 (+ 1 more when the copy itself is redelivered),
/// 2 for a first copy the broker flags as redelivered, or follows a quorum queue's <c>x-delivery-count</c>. The copy
/// keeps the original properties and its routing key (header <c>x-switchyard-routing-key</c>). With
/// <c>max_deliveries</c> at 0 a requeue is a plain <c>basic.nack</c>, as in KrakenD.
/// </para>
/// </remarks>
public sealed class AmqpMessageSource : IMessageSource
{
    /// <summary>The consumer tag of every agent's consumer.</summary>
    public const string ConsumerTag = "switchyard";

    private readonly string _agentName;
    private readonly string _topic;
    private readonly Uri _uri;
    private readonly AmqpDriverOptions _options;
    private readonly AmqpSettlementPolicy _policy;
    private readonly CancellationTokenSource _disposing = new();
    private Session? _session;
    private TaskCompletionSource<string> _closed = NewClosedSource();
    private int _disposed;

    /// <summary>A driver for <paramref name="agent"/>, which must have <see cref="AsyncAgentConfig.Amqp"/> options.</summary>
    public AmqpMessageSource(AsyncAgentConfig agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _options = agent.Amqp ?? throw new ArgumentException($"Agent '{agent.Name}' has no async/amqp options.", nameof(agent));
        if (!Uri.TryCreate(_options.Host, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"Agent '{agent.Name}': async/amqp host '{_options.Host}' is not an AMQP URL.", nameof(agent));
        }

        _uri = uri;
        _agentName = agent.Name;
        _topic = agent.Consumer.Topic;
        _policy = new AmqpSettlementPolicy(_options.Name, _options.AutoAck, _options.NackDiscard, agent.Consumer.MaxDeliveries);
    }

    /// <inheritdoc/>
    public Task<string> Closed => Volatile.Read(ref _closed).Task;

    /// <inheritdoc/>
    public async Task StartAsync(MessageHandler handler, int prefetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // A restart after a loss: the old connection is finished with.
        await CloseSessionAsync().ConfigureAwait(false);
        var closed = NewClosedSource();
        Volatile.Write(ref _closed, closed);

        var factory = new ConnectionFactory
        {
            Uri = _uri,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            ConsumerDispatchConcurrency = (ushort)Math.Clamp(prefetch, 1, ushort.MaxValue),
            ClientProvidedName = "switchyard agent " + _agentName,
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        AmqpSideChannel? side = null;
        try
        {
            connection.ConnectionShutdownAsync += (_, args) => Complete(closed, "connection", args);
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            channel.ChannelShutdownAsync += (_, args) => Complete(closed, "channel", args);
            side = new AmqpSideChannel(connection);
            var session = new Session(connection, channel, side, handler);
            await DeclareAndConsumeAsync(session, prefetch, closed, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _session, session);
        }
        catch
        {
            if (side is not null)
            {
                await side.DisposeAsync().ConfigureAwait(false);
            }

            await AmqpClosing.CloseQuietlyAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> PingAsync(CancellationToken cancellationToken)
    {
        // The consuming channel too: the broker may close it alone (a channel error), and then nothing is consumed.
        if (Volatile.Read(ref _session) is not { } session || !session.Connection.IsOpen || !session.Channel.IsOpen)
        {
            return false;
        }

        try
        {
            return await session.Side.QueueExistsAsync(_options.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (AmqpClosing.IsConnectionLoss(exception))
        {
            // Includes the broker's 404 when the queue is gone.
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task StopConsumingAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is not { } session)
        {
            return;
        }

        session.StopRequested = true;
        try
        {
            if (session.Channel.IsOpen)
            {
                await session.Channel.BasicCancelAsync(ConsumerTag, noWait: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (AmqpClosing.IsConnectionLoss(exception))
        {
            // A closed channel delivers nothing more: consuming has stopped anyway.
        }
    }

    /// <summary>Closes the channels and the connection; messages not settled yet return to the queue.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Not disposed after: a delivery the client still dispatches while closing reads its token.
        await _disposing.CancelAsync().ConfigureAwait(false);
        await CloseSessionAsync().ConfigureAwait(false);
    }

    private async Task DeclareAndConsumeAsync(
        Session session,
        int prefetch,
        TaskCompletionSource<string> closed,
        CancellationToken cancellationToken)
    {
        var channel = session.Channel;
        await channel.ExchangeDeclareAsync(
                _options.Exchange, ExchangeType.Topic, _options.Durable, autoDelete: _options.Delete,
                arguments: null, passive: false, noWait: _options.NoWait, cancellationToken)
            .ConfigureAwait(false);
        await channel.QueueDeclareAsync(
                _options.Name, _options.Durable, _options.Exclusive, autoDelete: _options.Delete,
                arguments: null, passive: false, noWait: _options.NoWait, cancellationToken)
            .ConfigureAwait(false);
        await channel.QueueBindAsync(_options.Name, _options.Exchange, _topic, arguments: null, noWait: false, cancellationToken)
            .ConfigureAwait(false);

        var prefetchCount = Math.Clamp(Math.Max(_options.PrefetchCount, prefetch), 0, ushort.MaxValue);
        if (prefetchCount != 0 || _options.PrefetchSize != 0)
        {
            await channel.BasicQosAsync((uint)Math.Max(_options.PrefetchSize, 0), (ushort)prefetchCount, global: false, cancellationToken)
                .ConfigureAwait(false);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => DeliverAsync(session, delivery);
        consumer.UnregisteredAsync += (_, _) =>
        {
            // Our own basic.cancel also unregisters; only the broker's cancel (queue deleted...) is a loss.
            if (!session.StopRequested)
            {
                closed.TrySetResult("the broker cancelled the consumer (was the queue deleted?)");
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(
                _options.Name, _options.AutoAck, ConsumerTag, _options.NoLocal, _options.Exclusive,
                arguments: null, consumer, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task DeliverAsync(Session session, BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        var headers = properties.Headers;

        // The client reuses the body's buffer once this handler returns.
        var body = delivery.Body.ToArray();
        var deliveryCount = AmqpDeliveryCount.Of(headers, delivery.Redelivered);
        var routingKey = headers is not null && headers.TryGetValue(SwitchyardHeaders.RoutingKey, out var original)
            ? AmqpHeaderValues.ToText(original)
            : delivery.RoutingKey;
        var settlement = new AmqpSettlement(
            session.Channel, session.Side, _policy, delivery.DeliveryTag, properties, body, routingKey, deliveryCount);
        var message = new AgentMessage
        {
            Id = properties.MessageId,
            RoutingKey = routingKey,
            ContentType = properties.ContentType,
            Headers = AmqpHeaderValues.ToTextDictionary(headers),
            Body = body,
            DeliveryCount = deliveryCount,
            Settlement = settlement,
        };

        try
        {
            await session.Handler(message, _disposing.Token).ConfigureAwait(false);
        }
        finally
        {
            if (!settlement.IsSettled)
            {
                await RequeueUnsettledAsync(settlement).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A handler that failed or forgot to settle would leave the message unacked, holding a prefetch slot until the
    /// connection closes: it goes back to the queue instead.
    /// </summary>
    private static async ValueTask RequeueUnsettledAsync(AmqpSettlement settlement)
    {
        try
        {
            await settlement.NackAsync(requeue: true).ConfigureAwait(false);
        }
        catch (Exception exception) when (AmqpClosing.IsConnectionLoss(exception))
        {
            // The channel is gone: the broker requeues every unacked message itself.
        }
    }

    private async ValueTask CloseSessionAsync()
    {
        if (Interlocked.Exchange(ref _session, null) is not { } session)
        {
            return;
        }

        await session.Side.DisposeAsync().ConfigureAwait(false);
        await AmqpClosing.CloseQuietlyAsync(session.Channel).ConfigureAwait(false);
        await AmqpClosing.CloseQuietlyAsync(session.Connection).ConfigureAwait(false);
    }

    private static Task Complete(TaskCompletionSource<string> closed, string what, ShutdownEventArgs args)
    {
        closed.TrySetResult($"{what} closed by {args.Initiator.ToString().ToLowerInvariant()}: {args.ReplyCode} {args.ReplyText}");
        return Task.CompletedTask;
    }

    private static TaskCompletionSource<string> NewClosedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One connection's worth of state, so a late event of an old connection never touches a newer one.</summary>
    private sealed class Session(IConnection connection, IChannel channel, AmqpSideChannel side, MessageHandler handler)
    {
        public IConnection Connection { get; } = connection;

        public IChannel Channel { get; } = channel;

        public AmqpSideChannel Side { get; } = side;

        private int _stopRequested;

        public MessageHandler Handler { get; } = handler;

        /// <summary>Set by <see cref="StopConsumingAsync"/>, read by the consumer's event on another thread.</summary>
        public bool StopRequested
        {
            get => Volatile.Read(ref _stopRequested) != 0;
            set => Volatile.Write(ref _stopRequested, value ? 1 : 0);
        }
    }
}

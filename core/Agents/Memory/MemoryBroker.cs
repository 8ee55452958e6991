namespace Switchyard.Core.Agents.Memory;

/// <summary>
/// The gateway's embedded message broker, one per process, so agents run with no server installed: topic exchanges,
/// queues and bindings with AMQP's topic matching, per-queue delivery with prefetch, ack, nack (with or without
/// requeue) and dead-lettering to a <c>&lt;queue&gt;.dead</c> queue. Thread-safe.
/// </summary>
/// <remarks>
/// Nothing is lost while the process lives: a message stays in its queue until a consumer settles it, and a consumer
/// that goes away gives its unsettled messages back. It is <b>not durable</b>: everything is in memory and is gone when
/// the process stops. Use RabbitMQ (<c>async/amqp</c>) when messages must survive a restart.
/// </remarks>
public sealed class MemoryBroker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Binding[]> _exchanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemoryQueue> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<MemoryConsumer> _consumers = [];
    private string? _outage;

    /// <summary>Declares a topic exchange; declaring it again changes nothing.</summary>
    public void DeclareExchange(string exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_gate)
        {
            _exchanges.TryAdd(exchange, []);
        }
    }

    /// <summary>Declares a queue, or finds the one already declared with this name.</summary>
    public MemoryQueue DeclareQueue(string queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        lock (_gate)
        {
            if (!_queues.TryGetValue(queue, out var found))
            {
                found = new MemoryQueue(queue);
                _queues.Add(queue, found);
            }

            return found;
        }
    }

    /// <summary>Binds <paramref name="queue"/> to <paramref name="exchange"/> with a topic pattern; binding twice changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The queue or the exchange was not declared.</exception>
    public void Bind(string queue, string exchange, string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        lock (_gate)
        {
            if (!_queues.TryGetValue(queue, out var target))
            {
                throw new InvalidOperationException($"No queue '{queue}' in the embedded broker.");
            }

            if (!_exchanges.TryGetValue(exchange, out var bindings))
            {
                throw new InvalidOperationException($"No exchange '{exchange}' in the embedded broker.");
            }

            if (!Array.Exists(bindings, b => b.Queue == target && b.Pattern.Text == topic))
            {
                // Copy on write: publishers match against the array they read, without holding the lock.
                _exchanges[exchange] = [.. bindings, new Binding(TopicPattern.Parse(topic), target)];
            }
        }
    }

    /// <summary>
    /// Publishes a message: a copy of it goes to every queue bound to <paramref name="exchange"/> with a pattern that
    /// matches <paramref name="routingKey"/> (once per queue, however many of its bindings match).
    /// </summary>
    /// <returns>How many queues received it; 0 when the exchange does not exist or nothing matched (the message is dropped, as AMQP drops an unroutable message).</returns>
    public int Publish(
        string exchange,
        string routingKey,
        ReadOnlyMemory<byte> body,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(routingKey);
        Binding[]? bindings;
        lock (_gate)
        {
            _exchanges.TryGetValue(exchange, out bindings);
        }

        if (bindings is null || bindings.Length == 0)
        {
            return 0;
        }

        MemoryEnvelope? envelope = null;
        var routed = new HashSet<MemoryQueue>();
        foreach (var binding in bindings)
        {
            if (routed.Contains(binding.Queue) || !binding.Pattern.Matches(routingKey))
            {
                continue;
            }

            // The caller's buffers are its own: the broker keeps copies, made once for all the queues.
            envelope ??= new MemoryEnvelope
            {
                Id = string.IsNullOrEmpty(messageId) ? Guid.NewGuid().ToString("N") : messageId,
                RoutingKey = routingKey,
                ContentType = contentType,
                Headers = headers is null || headers.Count == 0 ? MemoryEnvelope.NoHeaders : new Dictionary<string, string>(headers, StringComparer.Ordinal),
                Body = body.ToArray(),
            };
            binding.Queue.Enqueue(envelope);
            routed.Add(binding.Queue);
        }

        return routed.Count;
    }

    /// <summary>The queue with this name, or null.</summary>
    public MemoryQueue? FindQueue(string queue)
    {
        lock (_gate)
        {
            return _queues.GetValueOrDefault(queue);
        }
    }

    /// <summary>Every queue, ordered by name: for health and tests.</summary>
    public IReadOnlyList<MemoryQueue> Queues()
    {
        lock (_gate)
        {
            var queues = _queues.Values.ToArray();
            Array.Sort(queues, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return queues;
        }
    }

    /// <summary>True unless an outage is being simulated.</summary>
    public bool IsAvailable
    {
        get
        {
            lock (_gate)
            {
                return _outage is null;
            }
        }
    }

    /// <summary>
    /// Starts consuming <paramref name="queue"/> (declared if needed), up to <paramref name="prefetch"/> unsettled
    /// messages at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">The broker is in a simulated outage.</exception>
    internal MemoryConsumer Consume(string queue, MessageHandler handler, int prefetch)
    {
        var target = DeclareQueue(queue);
        MemoryConsumer consumer;
        lock (_gate)
        {
            if (_outage is { } reason)
            {
                throw new InvalidOperationException($"The embedded broker is unavailable: {reason}.");
            }

            consumer = new MemoryConsumer(this, target, handler, prefetch);
            _consumers.Add(consumer);
        }

        consumer.Start();
        return consumer;
    }

    internal void Detach(MemoryConsumer consumer)
    {
        lock (_gate)
        {
            _consumers.Remove(consumer);
        }
    }

    /// <summary>
    /// Simulates a broker outage (for tests): every consumer is closed with <paramref name="reason"/>, giving its
    /// unsettled messages back, and new consumers are refused until <see cref="EndOutage"/>. Publishing still works.
    /// </summary>
    internal void BeginOutage(string reason)
    {
        MemoryConsumer[] closing;
        lock (_gate)
        {
            _outage = reason;
            closing = [.. _consumers];
        }

        foreach (var consumer in closing)
        {
            consumer.Close(reason);
        }
    }

    /// <summary>Ends a simulated outage: consumers are accepted again.</summary>
    internal void EndOutage()
    {
        lock (_gate)
        {
            _outage = null;
        }
    }

    private sealed record Binding(TopicPattern Pattern, MemoryQueue Queue);
}

namespace Switchyard.Core.Agents.Memory;

/// <summary>
/// A queue of the <see cref="MemoryBroker"/>: ready messages in order, and a count of those delivered but not yet
/// settled. A message given back (nack with requeue, or its consumer closed) goes to the head again, as RabbitMQ puts a
/// requeued message back near its original position. Thread-safe.
/// </summary>
public sealed class MemoryQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<MemoryEnvelope> _ready = new();

    // Counts the ready messages: a taker that acquires it is sure to find one (added before release, removed after acquire).
    private readonly SemaphoreSlim _available = new(0);
    private int _unacked;

    internal MemoryQueue(string name) => Name = name;

    /// <summary>The queue's name.</summary>
    public string Name { get; }

    /// <summary>Messages waiting for a consumer.</summary>
    public int ReadyCount
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>Messages delivered to a consumer and not settled yet.</summary>
    public int UnackedCount => Volatile.Read(ref _unacked);

    /// <summary>The ready messages, head first (a copy): how tests and health look into a queue, such as a <c>.dead</c> one.</summary>
    public IReadOnlyList<MemoryEnvelope> Peek()
    {
        lock (_gate)
        {
            return [.. _ready];
        }
    }

    internal void Enqueue(MemoryEnvelope envelope)
    {
        lock (_gate)
        {
            _ready.AddLast(envelope);
        }

        _available.Release();
    }

    /// <summary>Gives back a message that was taken; it counts as one more delivery.</summary>
    internal void Requeue(MemoryEnvelope envelope)
    {
        lock (_gate)
        {
            _ready.AddFirst(envelope with { Deliveries = envelope.Deliveries + 1 });
            _unacked--;
        }

        _available.Release();
    }

    /// <summary>Puts back a message taken but never handed to a handler: it does not count as a delivery.</summary>
    internal void Restore(MemoryEnvelope envelope)
    {
        lock (_gate)
        {
            _ready.AddFirst(envelope);
            _unacked--;
        }

        _available.Release();
    }

    /// <summary>A taken message was settled and leaves the queue for good.</summary>
    internal void Forget()
    {
        lock (_gate)
        {
            _unacked--;
        }
    }

    /// <summary>Waits for the head message and takes it (it counts as unacked until settled).</summary>
    internal async ValueTask<MemoryEnvelope> TakeAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var head = _ready.First!.Value;
            _ready.RemoveFirst();
            _unacked++;
            return head;
        }
    }
}

namespace Switchyard.Core.Agents.Memory;

/// <summary>
/// One consumer of a <see cref="MemoryQueue"/>, the embedded broker's equivalent of an AMQP channel with a
/// <c>basic.consume</c>: it hands the handler at most <c>prefetch</c> unsettled messages at a time, each handler call
/// running on its own. Closing it gives every unsettled message back to the queue, so nothing is lost.
/// </summary>
internal sealed class MemoryConsumer
{
    private readonly Lock _gate = new();
    private readonly MessageHandler _handler;
    private readonly SemaphoreSlim _credit;
    private readonly List<MemoryDelivery> _unsettled = [];
    private readonly CancellationTokenSource _delivering = new();
    private readonly CancellationTokenSource _connection = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _isClosed;

    public MemoryConsumer(MemoryBroker broker, MemoryQueue queue, MessageHandler handler, int prefetch)
    {
        Broker = broker;
        Queue = queue;
        _handler = handler;
        _credit = new SemaphoreSlim(Math.Max(1, prefetch));
    }

    public MemoryBroker Broker { get; }

    public MemoryQueue Queue { get; }

    /// <summary>Completes with the reason when the consumer is closed.</summary>
    public Task<string> Closed => _closed.Task;

    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _isClosed;
            }
        }
    }

    public void Start() => _ = Task.Run(DeliverAsync);

    /// <summary>Delivers no new messages; those already delivered can still be settled.</summary>
    public void StopDelivering() => _delivering.Cancel();

    /// <summary>Stops delivering, cancels running handlers and gives every unsettled message back to the queue.</summary>
    public void Close(string reason)
    {
        MemoryDelivery[] orphans;
        lock (_gate)
        {
            if (_isClosed)
            {
                return;
            }

            _isClosed = true;
            orphans = [.. _unsettled];
            _unsettled.Clear();
        }

        _delivering.Cancel();
        _connection.Cancel();

        // Requeued at the head in reverse, so they come back in the order they were delivered.
        for (var i = orphans.Length - 1; i >= 0; i--)
        {
            Queue.Requeue(orphans[i].Envelope);
        }

        Broker.Detach(this);
        _closed.TrySetResult(reason);
    }

    /// <summary>
    /// Ends <paramref name="delivery"/>'s delivery with <paramref name="settle"/> (ack, requeue, dead-letter); false when
    /// it was already settled or given back on close. The settlement happens before the prefetch slot is freed, so a
    /// requeued message is back at the head before the next one can be taken.
    /// </summary>
    public bool TryComplete(MemoryDelivery delivery, Action settle)
    {
        lock (_gate)
        {
            if (_isClosed || !_unsettled.Remove(delivery))
            {
                return false;
            }
        }

        settle();
        _credit.Release();
        return true;
    }

    private async Task DeliverAsync()
    {
        var token = _delivering.Token;
        while (true)
        {
            MemoryEnvelope envelope;
            try
            {
                await _credit.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    envelope = await Queue.TakeAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _credit.Release();
                    throw;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var delivery = new MemoryDelivery(this, envelope);
            bool stoppedMeanwhile;
            lock (_gate)
            {
                // A wait cancelled at the very moment a message arrived may still take it: it goes back untouched.
                stoppedMeanwhile = _isClosed || token.IsCancellationRequested;
                if (!stoppedMeanwhile)
                {
                    _unsettled.Add(delivery);
                }
            }

            if (stoppedMeanwhile)
            {
                Queue.Restore(envelope);
                _credit.Release();
                return;
            }

            _ = DispatchAsync(delivery);
        }
    }

    private async Task DispatchAsync(MemoryDelivery delivery)
    {
        // The handler runs beside the delivery loop, never on it: that is what lets prefetch > 1 mean concurrency.
        await Task.Yield();
        try
        {
            await _handler(delivery.ToMessage(), _connection.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A handler must settle its message; one that throws instead is treated below like one that forgot.
        }

        TryComplete(delivery, () => Queue.Requeue(delivery.Envelope));
    }
}

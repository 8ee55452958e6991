namespace Switchyard.Core.FanOut;

/// <summary>
/// Decides which <c>basic.ack</c> to send on one channel when batches are accepted out of order. Delivery tags grow
/// by one per delivery; with several batches in flight, acking a later batch with <c>multiple</c> would also ack an
/// earlier batch the API has not accepted yet. So the watermark only rises over a contiguous run of settled tags and
/// one <c>multiple</c> ack covers that run: a single frame per batch in the common in-order case, and nothing acked
/// ahead of an undelivered batch. Dead-lettered messages settle through it too, so no tag is ever acked twice.
/// </summary>
internal sealed class AckWatermark
{
    private readonly Queue<ulong> _outstanding = new();
    private readonly HashSet<ulong> _settled = [];
    private readonly Lock _lock = new();

    /// <summary>A delivery arrived; call in delivery order.</summary>
    public void Delivered(ulong tag)
    {
        lock (_lock)
        {
            _outstanding.Enqueue(tag);
        }
    }

    /// <summary>Marks <paramref name="tags"/> settled; returns the tag to ack with <c>multiple</c>, or null when the watermark did not move.</summary>
    public ulong? Settle(IEnumerable<ulong> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        lock (_lock)
        {
            foreach (var tag in tags)
            {
                _settled.Add(tag);
            }

            ulong? upTo = null;
            while (_outstanding.TryPeek(out var next) && _settled.Remove(next))
            {
                upTo = _outstanding.Dequeue();
            }

            return upTo;
        }
    }

    /// <summary>Deliveries not acked yet (settled ones waiting behind an earlier tag included).</summary>
    public int Outstanding
    {
        get
        {
            lock (_lock)
            {
                return _outstanding.Count;
            }
        }
    }
}

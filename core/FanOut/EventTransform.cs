namespace Switchyard.Core.FanOut;

/// <summary>What is posted for each event (the subscription field <c>transform</c>).</summary>
public enum EventTransform
{
    /// <summary><c>none</c>: the events as Celery sent them (Leek's API transforms them itself). The default.</summary>
    None,

    /// <summary>
    /// <c>celery</c>: events are validated (invalid ones are dead-lettered) and posted as Leek's documents, merged by
    /// id within a batch (see <see cref="CeleryDocument"/> and <see cref="CeleryBatchMerger"/>).
    /// </summary>
    Celery,
}

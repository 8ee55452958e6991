using System.Buffers;
using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>Events cut from the batcher together, posted as one JSON array and acked together.</summary>
internal sealed class EventBatch
{
    public EventBatch(IReadOnlyList<BatchEntry> entries, FlushReason reason)
    {
        Entries = entries;
        Reason = reason;
        foreach (var entry in entries)
        {
            EventCount += entry.Events.Count;
            Bytes += entry.Bytes;
        }
    }

    public IReadOnlyList<BatchEntry> Entries { get; }

    public FlushReason Reason { get; }

    public int EventCount { get; }

    /// <summary>The sum of the message bodies' sizes.</summary>
    public long Bytes { get; }

    /// <summary>
    /// The request body: a JSON array of every event in delivery order, or with <see cref="EventTransform.Celery"/>
    /// of their documents merged by id.
    /// </summary>
    public byte[] ToJson(EventTransform transform, string appEnv, long nowMs)
    {
        if (transform == EventTransform.Celery)
        {
            var documents = new List<System.Text.Json.Nodes.JsonObject>(EventCount);
            foreach (var entry in Entries)
            {
                foreach (var item in entry.Events)
                {
                    documents.Add(CeleryDocument.From(item, appEnv, nowMs));
                }
            }

            var array = new System.Text.Json.Nodes.JsonArray([.. CeleryBatchMerger.Merge(documents)]);
            return System.Text.Encoding.UTF8.GetBytes(array.ToJsonString());
        }

        return ToJson();
    }

    /// <summary>The request body: a JSON array of every event, in delivery order.</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Bytes + 16, int.MaxValue));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var entry in Entries)
            {
                foreach (var item in entry.Events)
                {
                    item.WriteTo(writer);
                }
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

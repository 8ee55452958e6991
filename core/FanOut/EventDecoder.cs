using System.Globalization;
using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Turns a broker message into events as Leek does: a JSON object is one event and a JSON array (Celery's
/// <c>task.multi</c>, up to 24 task events) is its objects. Unlike Leek, what is not an event is not skipped silently:
/// a body that is not JSON, or neither an object nor an array, and an array item that is not an object, are rejected
/// with a reason so they can be dead-lettered. With a TTL, events whose <c>timestamp</c> (Celery's float epoch seconds)
/// is older are dropped and counted, so a backlog built while the API was down does not flood it with stale events.
/// </summary>
/// <param name="ttl">The largest event age kept; null keeps everything.</param>
/// <param name="time">The clock events are aged against.</param>
/// <param name="validate">Null for a valid event, else why it is rejected. <value>The default value is null (every object is an event).</value></param>
internal sealed class EventDecoder(TimeSpan? ttl, TimeProvider time, Func<System.Text.Json.JsonElement, string?>? validate = null)
{
    /// <summary>The decoder of <paramref name="subscription"/>: its TTL, and the Celery schema when it transforms Celery events.</summary>
    public static EventDecoder For(Subscription subscription, TimeProvider time) => new(
        subscription.EventTtlSeconds is { } ttl ? TimeSpan.FromSeconds(ttl) : null,
        time,
        subscription.Transform == EventTransform.Celery ? CeleryEventSchema.Validate : null);

    public DecodedMessage Decode(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return new DecodedMessage([], [new RejectedEvent(body, "not JSON: " + exception.Message)], 0);
        }

        using (document)
        {
            var root = document.RootElement;
            var oldest = ttl is { } maxAge ? (time.GetUtcNow() - maxAge).ToUnixTimeMilliseconds() / 1000.0 : double.NegativeInfinity;
            var events = new List<JsonElement>();
            var rejected = new List<RejectedEvent>();
            var expired = 0;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    Keep(root, body, oldest, events, rejected, ref expired);
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in root.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object)
                        {
                            Keep(item, null, oldest, events, rejected, ref expired);
                        }
                        else
                        {
                            var reason = $"array item {index.ToString(CultureInfo.InvariantCulture)} is not a JSON object but {Kind(item)}";
                            rejected.Add(new RejectedEvent(System.Text.Encoding.UTF8.GetBytes(item.GetRawText()), reason));
                        }

                        index++;
                    }

                    break;
                default:
                    rejected.Add(new RejectedEvent(body, $"not a JSON object or array but {Kind(root)}"));
                    break;
            }

            return new DecodedMessage(events, rejected, expired);
        }
    }

    private void Keep(JsonElement item, byte[]? body, double oldest, List<JsonElement> events, List<RejectedEvent> rejected, ref int expired)
    {
        if (validate?.Invoke(item) is { } reason)
        {
            rejected.Add(new RejectedEvent(body ?? System.Text.Encoding.UTF8.GetBytes(item.GetRawText()), reason));
            return;
        }

        if (item.TryGetProperty("timestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.Number
            && timestamp.GetDouble() < oldest)
        {
            expired++;
            return;
        }

        // The document is disposed after decoding; the batch keeps its own copy.
        events.Add(item.Clone());
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

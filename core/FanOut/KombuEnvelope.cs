using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Opens the JSON envelope kombu's virtual transports (Redis among them) publish, to get the message body Celery
/// wrote: <c>{"body": "...", "content-type": "application/json", "content-encoding": "utf-8", "headers": {...},
/// "properties": {"body_encoding": "base64", "delivery_info": {...}, ...}}</c>. The body is base64 when
/// <c>properties.body_encoding</c> says so (kombu's default, <c>Channel.body_encoding</c>), the text itself when it
/// names no encoding. Followed version: kombu 5.2.4 (<c>kombu/transport/virtual/base.py</c>: <c>_inplace_augment_message</c>,
/// <c>Message.__init__</c>).
/// </summary>
/// <remarks>
/// Only JSON bodies are events Switchyard can read: an app whose <c>event_serializer</c> is pickle, YAML or msgpack,
/// or whose events are compressed, gets its messages dead-lettered with that reason rather than posted as garbage.
/// </remarks>
internal static class KombuEnvelope
{
    /// <summary>The body's bytes, or null with <paramref name="reason"/> saying why the envelope cannot be opened.</summary>
    public static byte[]? Open(byte[] envelope, out string? reason)
    {
        reason = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(envelope);
        }
        catch (JsonException exception)
        {
            reason = "not a kombu message (not JSON: " + exception.Message + ")";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String)
            {
                reason = "not a kombu message (no string \"body\")";
                return null;
            }

            if (Text(root, "content-type") is { } contentType && contentType != "application/json")
            {
                reason = $"the body's content type is '{contentType}', not application/json (set the app's event_serializer to json)";
                return null;
            }

            if (root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object && Text(headers, "compression") is { } compression)
            {
                reason = $"the body is compressed ({compression}); send events uncompressed";
                return null;
            }

            var encoding = root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                ? Text(properties, "body_encoding")
                : null;
            switch (encoding)
            {
                case null:
                    return System.Text.Encoding.UTF8.GetBytes(body.GetString()!);
                case "base64":
                    if (body.TryGetBytesFromBase64(out var bytes))
                    {
                        return bytes;
                    }

                    reason = "the body is not valid base64 although its body_encoding says base64";
                    return null;
                default:
                    reason = $"the body_encoding '{encoding}' is not supported (only base64 or none)";
                    return null;
            }
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Writes any <see cref="JsonNode"/> the way Go's <c>json.Marshal</c> writes a <c>map[string]interface{}</c>, which
/// is what KrakenD's clients receive: object keys sorted by their UTF-8 bytes (recursively; arrays keep their
/// order), strings HTML-escaped (see <see cref="GoJsonString"/>), numbers with their literal text, no whitespace and
/// no trailing newline.
/// </summary>
public static class SortedJsonWriter
{
    /// <summary>Writes <paramref name="node"/> (null writes <c>null</c>) straight into <paramref name="output"/>.</summary>
    public static void Write(JsonNode? node, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sink = new Utf8Sink(output);
        WriteNode(ref sink, node);
        sink.Flush();
    }

    private static void WriteNode(ref Utf8Sink sink, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sink.Write("null"u8);
                break;
            case JsonObject value:
                WriteObject(ref sink, value);
                break;
            case JsonArray value:
                WriteArray(ref sink, value);
                break;
            default:
                WriteValue(ref sink, node.AsValue());
                break;
        }
    }

    private static void WriteObject(ref Utf8Sink sink, JsonObject value)
    {
        sink.Write((byte)'{');
        using (var properties = SortedProperties.Of(value))
        {
            var first = true;
            foreach (var property in properties.Items)
            {
                if (!first)
                {
                    sink.Write((byte)',');
                }

                first = false;
                GoJsonString.Write(ref sink, property.Key.AsSpan());
                sink.Write((byte)':');
                WriteNode(ref sink, property.Value);
            }
        }

        sink.Write((byte)'}');
    }

    private static void WriteArray(ref Utf8Sink sink, JsonArray value)
    {
        sink.Write((byte)'[');
        for (var i = 0; i < value.Count; i++)
        {
            if (i > 0)
            {
                sink.Write((byte)',');
            }

            WriteNode(ref sink, value[i]);
        }

        sink.Write((byte)']');
    }

    private static void WriteValue(ref Utf8Sink sink, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                if (JsonScalar.TryGetUnescapedUtf8(value, out var utf8))
                {
                    GoJsonString.Write(ref sink, utf8);
                }
                else
                {
                    GoJsonString.Write(ref sink, JsonScalar.GetString(value).AsSpan());
                }

                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                // A JsonValue wrapping a whole object or array element: write it as the node it stands for.
                WriteNode(ref sink, JsonNode.Parse(value.ToJsonString()));
                break;
            default:
                if (!JsonScalar.TryWriteNumberOrBoolean(ref sink, value))
                {
                    sink.Write("null"u8);
                }

                break;
        }
    }
}

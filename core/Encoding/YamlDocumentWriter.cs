using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Writes data as block-style YAML like Go's marshallers write a map: keys sorted, two spaces of indentation per
/// nested mapping, sequence items (<c>- </c>) at their key's indentation, empty collections in flow style
/// (<c>{}</c>, <c>[]</c>), <c>null</c>, <c>true</c>/<c>false</c>, numbers with their literal text and strings quoted
/// only when needed (see <see cref="YamlScalar"/>). Every line ends with a newline.
/// </summary>
internal static class YamlDocumentWriter
{
    private const int IndentStep = 2;

    public static void Write(JsonObject data, IBufferWriter<byte> output)
    {
        var sink = new Utf8Sink(output);
        if (data.Count == 0)
        {
            sink.Write("{}\n"u8);
        }
        else
        {
            WriteMapping(ref sink, data, 0, continuesLine: false);
        }

        sink.Flush();
    }

    // continuesLine: the first key goes right after a "- " already written on the current line.
    private static void WriteMapping(ref Utf8Sink sink, JsonObject mapping, int indent, bool continuesLine)
    {
        using var properties = SortedProperties.Of(mapping);
        var first = true;
        foreach (var (key, value) in properties.Items)
        {
            if (!(first && continuesLine))
            {
                WriteIndent(ref sink, indent);
            }

            first = false;
            YamlScalar.Write(ref sink, key);
            sink.Write((byte)':');
            switch (value)
            {
                case JsonObject { Count: > 0 } nested:
                    sink.Write((byte)'\n');
                    WriteMapping(ref sink, nested, indent + IndentStep, continuesLine: false);
                    break;
                case JsonArray { Count: > 0 } items:
                    sink.Write((byte)'\n');
                    WriteSequence(ref sink, items, indent, continuesLine: false);
                    break;
                default:
                    sink.Write((byte)' ');
                    WriteInline(ref sink, value);
                    sink.Write((byte)'\n');
                    break;
            }
        }
    }

    private static void WriteSequence(ref Utf8Sink sink, JsonArray items, int indent, bool continuesLine)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (!(i == 0 && continuesLine))
            {
                WriteIndent(ref sink, indent);
            }

            sink.Write("- "u8);
            switch (items[i])
            {
                case JsonObject { Count: > 0 } nested:
                    WriteMapping(ref sink, nested, indent + IndentStep, continuesLine: true);
                    break;
                case JsonArray { Count: > 0 } inner:
                    WriteSequence(ref sink, inner, indent + IndentStep, continuesLine: true);
                    break;
                case var item:
                    WriteInline(ref sink, item);
                    sink.Write((byte)'\n');
                    break;
            }
        }
    }

    private static void WriteInline(ref Utf8Sink sink, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject:
                sink.Write("{}"u8);
                break;
            case JsonArray:
                sink.Write("[]"u8);
                break;
            case JsonValue scalar:
                if (scalar.GetValueKind() == JsonValueKind.String)
                {
                    YamlScalar.Write(ref sink, JsonScalar.GetString(scalar));
                }
                else if (!JsonScalar.TryWriteNumberOrBoolean(ref sink, scalar))
                {
                    sink.Write("null"u8);
                }

                break;
            default:
                sink.Write("null"u8);
                break;
        }
    }

    private static void WriteIndent(ref Utf8Sink sink, int indent)
    {
        for (var i = 0; i < indent; i++)
        {
            sink.Write((byte)' ');
        }
    }
}

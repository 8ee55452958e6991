using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Writes data as XML following mxj's map rules, which KrakenD's XML renderer uses:
/// <list type="bullet">
/// <item>a single top-level key names the root element, unless its value is an array holding anything but objects;
/// otherwise everything is wrapped in <c>&lt;doc&gt;</c>;</item>
/// <item>keys are written sorted; <c>-name</c> keys with scalar values are attributes; <c>#text</c> is the element's
/// text, written before its child elements;</item>
/// <item>an array repeats its element once per item;</item>
/// <item>an element with nothing inside (an empty object, an object of attributes only, an empty string or array,
/// null) is self-closing: <c>&lt;k/&gt;</c>;</item>
/// <item>text and attribute values are escaped (see <see cref="XmlText"/>); no declaration, no indentation.</item>
/// </list>
/// </summary>
internal static class XmlDocumentWriter
{
    private const string DefaultRoot = "doc";
    private const string TextKey = "#text";

    public static void Write(JsonObject data, IBufferWriter<byte> output)
    {
        var sink = new Utf8Sink(output);
        if (data.Count == 1 && data.GetAt(0) is var (key, value) && !(value is JsonArray items && HasNonObject(items)))
        {
            WriteElement(ref sink, key, value);
        }
        else
        {
            WriteElement(ref sink, DefaultRoot, data);
        }

        sink.Flush();
    }

    private static bool HasNonObject(JsonArray items)
    {
        foreach (var item in items)
        {
            if (item is not JsonObject)
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteElement(ref Utf8Sink sink, string name, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject members:
                WriteObjectElement(ref sink, name, members);
                break;
            case JsonArray { Count: > 0 } items:
                foreach (var item in items)
                {
                    WriteElement(ref sink, name, item);
                }

                break;
            case JsonValue scalar when !IsEmptyText(scalar):
                OpenTag(ref sink, name);
                sink.Write((byte)'>');
                WriteScalar(ref sink, scalar);
                CloseTag(ref sink, name);
                break;
            default:
                OpenTag(ref sink, name);
                sink.Write("/>"u8);
                break;
        }
    }

    private static void WriteObjectElement(ref Utf8Sink sink, string name, JsonObject members)
    {
        OpenTag(ref sink, name);
        using var properties = SortedProperties.Of(members);
        var attributes = 0;
        foreach (var (key, value) in properties.Items)
        {
            if (!IsAttribute(key))
            {
                continue;
            }

            attributes++;
            // mxj refuses an attribute whose value is an object or an array; it is left out here instead.
            if (value is JsonValue scalar && scalar.GetValueKind() is not JsonValueKind.Object and not JsonValueKind.Array)
            {
                sink.Write((byte)' ');
                XmlText.Write(ref sink, key.AsSpan(1));
                sink.Write("=\""u8);
                WriteScalar(ref sink, scalar);
                sink.Write((byte)'"');
            }
        }

        if (attributes == members.Count)
        {
            sink.Write("/>"u8);
            return;
        }

        sink.Write((byte)'>');
        if (members[TextKey] is JsonValue text)
        {
            WriteScalar(ref sink, text);
        }

        foreach (var (key, value) in properties.Items)
        {
            if (!IsAttribute(key) && key != TextKey)
            {
                WriteElement(ref sink, key, value);
            }
        }

        CloseTag(ref sink, name);
    }

    private static bool IsAttribute(string key) => key.Length > 1 && key[0] == '-';

    private static bool IsEmptyText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsonScalar.GetString(value).Length == 0,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => false,
        _ => true,
    };

    private static void WriteScalar(ref Utf8Sink sink, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                if (JsonScalar.TryGetUnescapedUtf8(value, out var utf8))
                {
                    XmlText.Write(ref sink, utf8);
                }
                else
                {
                    XmlText.Write(ref sink, JsonScalar.GetString(value).AsSpan());
                }

                break;
            default:
                JsonScalar.TryWriteNumberOrBoolean(ref sink, value);
                break;
        }
    }

    // Names come from data; escaping them keeps a hostile key from injecting markup.
    private static void OpenTag(ref Utf8Sink sink, string name)
    {
        sink.Write((byte)'<');
        XmlText.Write(ref sink, name.AsSpan());
    }

    private static void CloseTag(ref Utf8Sink sink, string name)
    {
        sink.Write("</"u8);
        XmlText.Write(ref sink, name.AsSpan());
        sink.Write((byte)'>');
    }
}

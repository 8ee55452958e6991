using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Reads a <see cref="JsonValue"/> whether it came from a decoded body (backed by a <see cref="JsonElement"/>, whose
/// literal text is kept) or was created in code (<c>JsonValue.Create(3)</c>).
/// </summary>
internal static class JsonScalar
{
    /// <summary>The text of a string value.</summary>
    public static string GetString(JsonValue value)
    {
        if (value.TryGetValue(out string? text))
        {
            return text;
        }

        if (value.TryGetValue(out char character))
        {
            return character.ToString();
        }

        // Dates, GUIDs and the like: their JSON form is the string the client would see.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.GetString() ?? string.Empty;
    }

    /// <summary>The text of a number value: the backend's literal when decoded, Go's formatting otherwise.</summary>
    public static string GetNumberText(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            return element.GetRawText();
        }

        if (value.TryGetValue(out double real))
        {
            return GoFloatFormat.Format(real);
        }

        return value.TryGetValue(out float single) ? GoFloatFormat.Format(single) : value.ToJsonString();
    }

    /// <summary>
    /// Writes a number (its literal text) or a boolean the same way in every encoding; false for any other kind,
    /// which each encoding writes in its own way.
    /// </summary>
    public static bool TryWriteNumberOrBoolean(ref Utf8Sink sink, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                WriteNumber(ref sink, value);
                return true;
            case JsonValueKind.True:
                sink.Write("true"u8);
                return true;
            case JsonValueKind.False:
                sink.Write("false"u8);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes a number's text without allocating when the number was decoded.</summary>
    public static void WriteNumber(ref Utf8Sink sink, JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            sink.Write(JsonMarshal.GetRawUtf8Value(element));
            return;
        }

        sink.Write(GetNumberText(value));
    }

    /// <summary>
    /// The UTF-8 bytes of a decoded string when the backend wrote it without escapes, so it can be copied as is.
    /// </summary>
    public static bool TryGetUnescapedUtf8(JsonValue value, out ReadOnlySpan<byte> utf8)
    {
        if (value.TryGetValue(out JsonElement element) && element.ValueKind == JsonValueKind.String)
        {
            var quoted = JsonMarshal.GetRawUtf8Value(element);
            var inner = quoted[1..^1];
            if (!inner.Contains((byte)'\\'))
            {
                utf8 = inner;
                return true;
            }
        }

        utf8 = default;
        return false;
    }
}

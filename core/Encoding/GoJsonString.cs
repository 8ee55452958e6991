using System.Buffers;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Writes a JSON string literal escaped as Go's <c>encoding/json</c> does: HTML-safe (<c>&lt; &gt; &amp;</c> as
/// <c>\u003c \u003e \u0026</c>), U+2028 and U+2029 escaped, control characters escaped (<c>\n \r \t \b \f</c>, others
/// as <c>\u00XX</c>), every other character written as raw UTF-8.
/// </summary>
internal static class GoJsonString
{
    // Every byte that may start an escape: ASCII that Go escapes, and 0xE2, the lead byte of U+2028/U+2029.
    private static readonly SearchValues<byte> Special = SearchValues.Create(
        [
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
            0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
            (byte)'"', (byte)'\\', (byte)'<', (byte)'>', (byte)'&', 0xE2,
        ]);

    public static void Write(ref Utf8Sink sink, scoped ReadOnlySpan<char> text)
    {
        using var utf8 = new PooledUtf8(text);
        Write(ref sink, utf8.Span);
    }

    /// <summary>Writes <paramref name="utf8"/>, which must be valid UTF-8, as a quoted and escaped literal.</summary>
    public static void Write(ref Utf8Sink sink, scoped ReadOnlySpan<byte> utf8)
    {
        sink.Write((byte)'"');
        WriteContent(ref sink, utf8);
        sink.Write((byte)'"');
    }

    /// <summary>
    /// Writes bytes that may not be valid UTF-8 (a raw request body) as Go marshals a <c>string</c> made from them:
    /// every byte that does not start a valid sequence becomes <c>\ufffd</c>.
    /// </summary>
    public static void WriteLenient(ref Utf8Sink sink, scoped ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            Write(ref sink, bytes);
            return;
        }

        sink.Write((byte)'"');
        var start = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == OperationStatus.Done)
            {
                i += consumed;
                continue;
            }

            WriteContent(ref sink, bytes[start..i]);
            sink.Write("\\ufffd"u8);
            start = ++i;
        }

        WriteContent(ref sink, bytes[start..]);
        sink.Write((byte)'"');
    }

    private static void WriteContent(ref Utf8Sink sink, scoped ReadOnlySpan<byte> utf8)
    {
        while (true)
        {
            var next = utf8.IndexOfAny(Special);
            if (next < 0)
            {
                sink.Write(utf8);
                return;
            }

            sink.Write(utf8[..next]);
            var consumed = WriteEscape(ref sink, utf8[next..]);
            utf8 = utf8[(next + consumed)..];
        }
    }

    private static int WriteEscape(ref Utf8Sink sink, scoped ReadOnlySpan<byte> rest)
    {
        var b = rest[0];
        switch (b)
        {
            case (byte)'"':
                sink.Write("\\\""u8);
                return 1;
            case (byte)'\\':
                sink.Write("\\\\"u8);
                return 1;
            case (byte)'\n':
                sink.Write("\\n"u8);
                return 1;
            case (byte)'\r':
                sink.Write("\\r"u8);
                return 1;
            case (byte)'\t':
                sink.Write("\\t"u8);
                return 1;
            case (byte)'\b':
                sink.Write("\\b"u8);
                return 1;
            case (byte)'\f':
                sink.Write("\\f"u8);
                return 1;
            case 0xE2:
                if (rest.Length >= 3 && rest[1] == 0x80 && (rest[2] == 0xA8 || rest[2] == 0xA9))
                {
                    sink.Write(rest[2] == 0xA8 ? "\\u2028"u8 : "\\u2029"u8);
                    return 3;
                }

                sink.Write(b);
                return 1;
            default:
                // Control characters and the HTML-sensitive < > &, as \u00XX with lower-case hex like Go.
                sink.Write("\\u00"u8);
                sink.Write((byte)"0123456789abcdef"[b >> 4]);
                sink.Write((byte)"0123456789abcdef"[b & 0xF]);
                return 1;
        }
    }
}

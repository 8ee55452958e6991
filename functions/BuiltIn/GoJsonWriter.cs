using System.Buffers;
using System.Text;

namespace Switchyard.Functions.BuiltIn;

/// <summary>
/// A forward-only JSON writer that escapes strings exactly as Go's <c>encoding/json</c> does with HTML escaping on:
/// <c>&lt; &gt; &amp;</c>, U+2028 and U+2029 as lower-case <c>\u</c> escapes, control characters as <c>\n \r \t \b \f</c>
/// or <c>\u00xx</c>, an invalid UTF-8 byte as <c>\ufffd</c>, everything else (<c>+</c>, <c>'</c>, non-ASCII) as is.
/// <see cref="System.Text.Json.Utf8JsonWriter"/> cannot be made to do this: its encoders use upper-case hex and a
/// custom encoder needs unsafe code, so the built-in endpoints write their small documents with this instead.
/// </summary>
internal sealed class GoJsonWriter(IBufferWriter<byte> output)
{
    private const string LowerHex = "0123456789abcdef";

    private bool _needsComma;

    public void WriteStartObject() => OpenContainer((byte)'{');

    public void WriteEndObject() => CloseContainer((byte)'}');

    public void WriteStartArray() => OpenContainer((byte)'[');

    public void WriteEndArray() => CloseContainer((byte)']');

    public void WritePropertyName(string name)
    {
        Separate();
        WriteQuoted(name);
        WriteByte((byte)':');
        _needsComma = false;
    }

    public void WriteStringValue(string value)
    {
        Separate();
        WriteQuoted(value);
        _needsComma = true;
    }

    /// <summary>Writes raw bytes as a JSON string, the way Go marshals a <c>string</c> converted from a byte slice.</summary>
    public void WriteStringValue(ReadOnlySpan<byte> utf8)
    {
        Separate();
        WriteEscaped(utf8);
        _needsComma = true;
    }

    public void WriteString(string name, string value)
    {
        WritePropertyName(name);
        WriteStringValue(value);
    }

    private void OpenContainer(byte token)
    {
        Separate();
        WriteByte(token);
        _needsComma = false;
    }

    private void CloseContainer(byte token)
    {
        WriteByte(token);
        _needsComma = true;
    }

    private void Separate()
    {
        if (_needsComma)
        {
            WriteByte((byte)',');
        }
    }

    private void WriteQuoted(string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            WriteEscaped(rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void WriteEscaped(ReadOnlySpan<byte> utf8)
    {
        WriteByte((byte)'"');
        var start = 0;
        var i = 0;
        while (i < utf8.Length)
        {
            var b = utf8[i];
            if (b < 0x80)
            {
                if (b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&')
                {
                    i++;
                    continue;
                }

                WriteRaw(utf8[start..i]);
                WriteAsciiEscape(b);
                start = ++i;
                continue;
            }

            var status = Rune.DecodeFromUtf8(utf8[i..], out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                // Go decodes one byte at a time here: every invalid byte becomes its own replacement character.
                WriteRaw(utf8[start..i]);
                WriteRaw(@"\ufffd"u8);
                start = ++i;
                continue;
            }

            if (rune.Value is 0x2028 or 0x2029)
            {
                WriteRaw(utf8[start..i]);
                WriteRaw(rune.Value == 0x2028 ? @"\u2028"u8 : @"\u2029"u8);
                start = i + consumed;
            }

            i += consumed;
        }

        WriteRaw(utf8[start..]);
        WriteByte((byte)'"');
    }

    private void WriteAsciiEscape(byte b)
    {
        switch (b)
        {
            case (byte)'"': WriteRaw("\\\""u8); break;
            case (byte)'\\': WriteRaw(@"\\"u8); break;
            case (byte)'\n': WriteRaw(@"\n"u8); break;
            case (byte)'\r': WriteRaw(@"\r"u8); break;
            case (byte)'\t': WriteRaw(@"\t"u8); break;
            case (byte)'\b': WriteRaw(@"\b"u8); break;
            case (byte)'\f': WriteRaw(@"\f"u8); break;
            default:
                Span<byte> escape = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', (byte)LowerHex[b >> 4], (byte)LowerHex[b & 0xF]];
                WriteRaw(escape);
                break;
        }
    }

    private void WriteByte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            output.Write(bytes);
        }
    }
}

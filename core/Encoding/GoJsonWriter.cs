using System.Buffers;

namespace Switchyard.Core.Encoding;

/// <summary>
/// A forward-only JSON writer that escapes strings exactly as Go's <c>encoding/json</c> does with HTML escaping on:
/// <c>&lt; &gt; &amp;</c>, U+2028 and U+2029 as lower-case <c>\u</c> escapes, control characters as <c>\n \r \t \b \f</c>
/// or <c>\u00xx</c>, an invalid UTF-8 byte as <c>\ufffd</c>, everything else (<c>+</c>, <c>'</c>, non-ASCII) as is.
/// <see cref="System.Text.Json.Utf8JsonWriter"/> cannot be made to do this: its encoders use upper-case hex and a
/// custom encoder needs unsafe code, so documents written in a fixed key order (the built-in endpoints) use this;
/// the escaping is <see cref="GoJsonString"/>'s, the one the output encoders use.
/// </summary>
public sealed class GoJsonWriter(IBufferWriter<byte> output)
{
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

    public void WriteNumberValue(long value)
    {
        Separate();
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        output.Write(digits[..written]);
        _needsComma = true;
    }

    public void WriteBooleanValue(bool value)
    {
        Separate();
        output.Write(value ? "true"u8 : "false"u8);
        _needsComma = true;
    }

    public void WriteNullValue()
    {
        Separate();
        output.Write("null"u8);
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
        var sink = new Utf8Sink(output);
        GoJsonString.Write(ref sink, text.AsSpan());
        sink.Flush();
    }

    private void WriteEscaped(ReadOnlySpan<byte> bytes)
    {
        var sink = new Utf8Sink(output);
        GoJsonString.WriteLenient(ref sink, bytes);
        sink.Flush();
    }

    private void WriteByte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}

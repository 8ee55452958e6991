using System.Buffers;
using System.Text;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class GoJsonWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("<a href='x'>&</a>", "\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\"")]
    [InlineData("q\"b\\s", "\"q\\\"b\\\\s\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("a+b é ñ 日本 😀", "\"a+b é ñ 日本 😀\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [InlineData("\u007f", "\"\u007f\"")]
    public void Escapes_strings_like_go(string value, string json) => Write(w => w.WriteStringValue(value)).Should().Be(json);

    [Fact]
    public void Invalid_utf8_bytes_each_become_a_replacement_escape() =>
        Write(w => w.WriteStringValue([0x61, 0xE2, 0x82, 0x62, 0xFF])).Should().Be("\"a\\ufffd\\ufffdb\\ufffd\"");

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character() =>
        Write(w => w.WriteStringValue("a\ud800b")).Should().Be("\"a\ufffdb\"");

    [Fact]
    public void Separates_members_and_items_with_commas()
    {
        var json = Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("a", "1");
            w.WritePropertyName("b");
            w.WriteStartArray();
            w.WriteStringValue("x");
            w.WriteStringValue("y");
            w.WriteEndArray();
            w.WritePropertyName("c");
            w.WriteStartObject();
            w.WriteEndObject();
            w.WritePropertyName("<");
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndObject();
        });

        json.Should().Be("""{"a":"1","b":["x","y"],"c":{},"\u003c":[]}""");
    }

    private static string Write(Action<GoJsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new GoJsonWriter(buffer));
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

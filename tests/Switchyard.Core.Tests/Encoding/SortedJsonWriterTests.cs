using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class SortedJsonWriterTests
{
    [Fact]
    public void Keys_are_sorted_recursively_and_arrays_keep_their_order()
    {
        var data = Rendering.Decode("""{"b":{"z":1,"a":[3,1,{"y":0,"x":0}]},"a":"first","B":null}""");

        Write(data).Should().Be("""{"B":null,"a":"first","b":{"a":[3,1,{"x":0,"y":0}],"z":1}}""");
    }

    [Fact]
    public void Keys_sort_by_utf8_bytes_like_go()
    {
        // U+FF61 sorts before U+1F600 in UTF-8 (EF.. < F0..) but after it in UTF-16 (FF61 > D83D).
        var data = new JsonObject { ["\U0001F600"] = 1, ["\uFF61"] = 2, ["z"] = 3 };

        Write(data).Should().Be("{\"z\":3,\"\uFF61\":2,\"\U0001F600\":1}");
    }

    [Theory]
    [InlineData("<tag> & more", """"\u003ctag\u003e \u0026 more"""")]
    [InlineData("line\u2028para\u2029", """"line\u2028para\u2029"""")]
    [InlineData("\n\r\t\b\f", """"\n\r\t\b\f"""")]
    [InlineData("\u0001\u001f", """"\u0001\u001f"""")]
    [InlineData("quote\" back\\ slash/", """"quote\" back\\ slash/"""")]
    [InlineData("héllo € 😀 \u007f", "héllo € 😀 \u007f")]
    public void Strings_are_escaped_like_go(string text, string expected)
    {
        Write(JsonValue.Create(text)).Should().Be('"' + expected + '"');
    }

    [Theory]
    [InlineData("""{"s":"caf\u00e9 \u003c"}""", "{\"s\":\"café \\u003c\"}")]
    [InlineData("""{"s":"a\/b"}""", """{"s":"a/b"}""")]
    [InlineData("""{"<k>":"<v>"}""", """{"\u003ck\u003e":"\u003cv\u003e"}""")]
    public void Decoded_strings_and_keys_are_escaped_the_same_way(string body, string expected)
    {
        Write(Rendering.Decode(body)).Should().Be(expected);
    }

    [Theory]
    [InlineData("1.10")]
    [InlineData("12345678901234567890")]
    [InlineData("1e5")]
    [InlineData("-0.0")]
    [InlineData("1.0E+2")]
    public void Decoded_numbers_keep_their_literal_text(string number)
    {
        Write(Rendering.Decode("{\"n\":" + number + "}")).Should().Be("{\"n\":" + number + "}");
    }

    [Fact]
    public void Values_created_in_code_are_written_like_go()
    {
        var data = new JsonObject
        {
            ["int"] = 3,
            ["long"] = long.MaxValue,
            ["double"] = 2.5,
            ["huge"] = 1e21,
            ["tiny"] = 1e-7,
            ["decimal"] = 1.25m,
            ["bool"] = true,
            ["text"] = "x",
            ["null"] = null,
            ["array"] = new JsonArray(1, "two", false),
        };

        Write(data).Should().Be(
            """{"array":[1,"two",false],"bool":true,"decimal":1.25,"double":2.5,"huge":1e+21,"int":3,"long":9223372036854775807,"null":null,"text":"x","tiny":1e-7}""");
    }

    [Fact]
    public void Null_node_is_written_as_null()
    {
        Write(null).Should().Be("null");
    }

    [Fact]
    public void Large_documents_are_written_whole()
    {
        var text = new string('x', 100_000) + "<";
        var data = new JsonObject { ["big"] = text };
        for (var i = 0; i < 1000; i++)
        {
            data["k" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)] = i;
        }

        var written = Write(data);

        written.Should().StartWith("{\"big\":\"" + new string('x', 100_000) + "\\u003c\",\"k0000\":0,");
        written.Should().EndWith("\"k0999\":999}");
        JsonNode.DeepEquals(JsonNode.Parse(written), data).Should().BeTrue();
    }

    private static string Write(JsonNode? node)
    {
        var output = new ArrayBufferWriter<byte>(16);
        SortedJsonWriter.Write(node, output);
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }
}

using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class YamlEncoderTests
{
    private readonly YamlEncoder _encoder = new();

    [Fact]
    public void Nested_mappings_are_indented_by_two_and_sorted()
    {
        // KrakenD CE fixture negotitate_plain.
        const string data = """
            {"user":{"-type":"admin","name":"Elliot","social":{"youtube":"https://youtube.com","twitter":"https://twitter.com","facebook":"https://facebook.com"}}}
            """;

        var (body, contentType) = Rendering.Render(_encoder, data);

        body.Should().Be("user:\n  -type: admin\n  name: Elliot\n  social:\n    facebook: https://facebook.com\n    twitter: https://twitter.com\n    youtube: https://youtube.com\n");
        contentType.Should().Be("application/yaml; charset=utf-8");
    }

    [Fact]
    public void Sequences_and_empty_collections_use_go_block_layout()
    {
        const string data = """{"t":true,"nil":null,"f":[],"e":{},"a":[1,{"c":[3,4],"b":2},[5,6],{},[]],"x":{"w":[{"z":1}]}}""";

        Rendering.Render(_encoder, data).Body.Should().Be(
            """
            a:
            - 1
            - b: 2
              c:
              - 3
              - 4
            - - 5
              - 6
            - {}
            - []
            e: {}
            f: []
            nil: null
            t: true
            x:
              w:
              - z: 1

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Numbers_keep_their_literal_text()
    {
        Rendering.Render(_encoder, """{"num":1.10,"big":12345678901234567890,"neg":-2e-3}""").Body
            .Should().Be("big: 12345678901234567890\nneg: -2e-3\nnum: 1.10\n");
    }

    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("https://x.io/a?b=c&d", "https://x.io/a?b=c&d")]
    [InlineData("-type", "-type")]
    [InlineData("v1.2.3", "v1.2.3")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("héllo wörld", "héllo wörld")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    [InlineData("", "\"\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("False", "\"False\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("off", "\"off\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("123", "\"123\"")]
    [InlineData("-1.5", "\"-1.5\"")]
    [InlineData(".5", "\".5\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("007", "\"007\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("2024-01-02", "\"2024-01-02\"")]
    [InlineData("2024-01-02T10:00:00Z", "\"2024-01-02T10:00:00Z\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData(" leading", "\" leading\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("key:", "\"key:\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("a #b", "\"a #b\"")]
    [InlineData("a#b", "\"a#b\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("-", "\"-\"")]
    [InlineData("? x", "\"? x\"")]
    [InlineData("*ref", "\"*ref\"")]
    [InlineData("&anchor", "\"&anchor\"")]
    [InlineData("!tag", "\"!tag\"")]
    [InlineData("[list]", "\"[list]\"")]
    [InlineData("{map}", "\"{map}\"")]
    [InlineData("|", "\"|\"")]
    [InlineData(">", "\">\"")]
    [InlineData("'q'", "\"'q'\"")]
    [InlineData("\"q\"", "\"\\\"q\\\"\"")]
    [InlineData("@at", "\"@at\"")]
    [InlineData("%pct", "\"%pct\"")]
    [InlineData("`tick`", "\"`tick`\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("cr\rlf", "\"cr\\rlf\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("bell\u0007", "\"bell\\a\"")]
    [InlineData("nul\u0000", "\"nul\\x00\"")]
    [InlineData("bom\uFEFF", "\"bom\\ufeff\"")]
    [InlineData("nbsp\u00A0é", "\"nbsp\\u00a0é\"")]
    public void Strings_are_quoted_only_when_a_plain_scalar_would_be_misread(string value, string expected)
    {
        Rendering.Render(_encoder, new JsonObject { ["k"] = value }).Body.Should().Be("k: " + expected + "\n");
    }

    [Fact]
    public void Keys_follow_the_same_quoting()
    {
        Rendering.Render(_encoder, new JsonObject { ["true"] = 1, ["a b"] = 2, ["42"] = 3, ["y"] = 4 }).Body
            .Should().Be("\"42\": 3\na b: 2\n\"true\": 1\n\"y\": 4\n");
    }

    [Fact]
    public void No_data_and_empty_data_are_an_empty_mapping()
    {
        Rendering.Render(_encoder, (JsonObject?)null).Should().Be(("{}\n", "application/yaml; charset=utf-8"));
        Rendering.Render(_encoder, new JsonObject()).Body.Should().Be("{}\n");
    }
}

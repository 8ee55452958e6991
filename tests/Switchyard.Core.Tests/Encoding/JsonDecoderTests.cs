using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class JsonDecoderTests
{
    private readonly JsonDecoder _decoder = new();

    [Fact]
    public void Object_is_decoded_with_numbers_keeping_their_literal_text()
    {
        var data = Rendering.Decode(_decoder, """{"price":1.10,"id":12345678901234567890,"name":"x","ok":true,"none":null}""");

        Rendering.Canonical(data).Should().Be("""{"id":12345678901234567890,"name":"x","none":null,"ok":true,"price":1.10}""");
    }

    [Theory]
    [InlineData("""{"a":1} trailing garbage""")]
    [InlineData("""{"a":1}{"b":2}""")]
    [InlineData("""  {"a":1}]""")]
    public void Only_the_first_value_is_read(string body)
    {
        Rendering.Canonical(Rendering.Decode(_decoder, body)).Should().Be("""{"a":1}""");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void Array_or_scalar_at_top_level_is_a_decode_error(string body)
    {
        var decode = () => Rendering.Decode(_decoder, body);

        decode.Should().Throw<DecodeException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"a":""")]
    [InlineData("{a:1}")]
    [InlineData("<html/>")]
    public void Malformed_or_empty_body_is_a_decode_error(string body)
    {
        var decode = () => Rendering.Decode(_decoder, body);

        decode.Should().Throw<DecodeException>();
    }

    [Fact]
    public void Null_body_decodes_to_an_empty_object_as_in_go()
    {
        Rendering.Decode(_decoder, "null").Should().BeEmpty();
    }

    [Fact]
    public void Repeated_key_keeps_the_last_value()
    {
        Rendering.Canonical(Rendering.Decode(_decoder, """{"a":1,"b":{"c":1,"c":[2]},"a":3}""")).Should().Be("""{"a":3,"b":{"c":[2]}}""");
    }

    [Fact]
    public void Collection_array_goes_under_collection()
    {
        var data = Rendering.Decode(_decoder, """[{"x":1.50},2,"three"] ignored""", isCollection: true);

        Rendering.Canonical(data).Should().Be("""{"collection":[{"x":1.50},2,"three"]}""");
    }

    [Theory]
    [InlineData("""{"a":1}""")]
    [InlineData("7")]
    public void Collection_that_is_not_an_array_is_a_decode_error(string body)
    {
        var decode = () => Rendering.Decode(_decoder, body, isCollection: true);

        decode.Should().Throw<DecodeException>().WithMessage("*must be a JSON array*");
    }

    [Fact]
    public void Collection_null_gives_a_null_collection()
    {
        var data = Rendering.Decode(_decoder, "null", isCollection: true);

        data.Should().ContainKey("collection").WhoseValue.Should().BeNull();
    }

    [Fact]
    public void Deep_nesting_within_the_limit_decodes()
    {
        var body = new string('[', 200) + new string(']', 200);

        var data = Rendering.Decode(_decoder, "{\"a\":" + body + "}");

        data["a"].Should().BeOfType<JsonArray>();
    }
}

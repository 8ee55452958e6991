using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class SafeJsonDecoderTests
{
    private readonly SafeJsonDecoder _decoder = new();

    [Theory]
    [InlineData("""{"a":1.0}""", """{"a":1.0}""")]
    [InlineData("""[1,{"b":2}]""", """{"collection":[1,{"b":2}]}""")]
    [InlineData("\"text\"", """{"content":"text"}""")]
    [InlineData("42.50", """{"content":42.50}""")]
    [InlineData("false", """{"content":false}""")]
    [InlineData("null", """{"content":null}""")]
    public void Any_json_value_decodes(string body, string expected)
    {
        Rendering.Canonical(Rendering.Decode(_decoder, body)).Should().Be(expected);
        Rendering.Canonical(Rendering.Decode(_decoder, body, isCollection: true)).Should().Be(expected, "is_collection changes nothing");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("nope")]
    public void Malformed_body_is_a_decode_error(string body)
    {
        var decode = () => Rendering.Decode(_decoder, body);

        decode.Should().Throw<DecodeException>();
    }
}

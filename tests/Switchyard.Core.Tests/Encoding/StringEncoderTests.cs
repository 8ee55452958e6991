using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class StringEncoderTests
{
    private readonly StringEncoder _encoder = new();

    [Theory]
    [InlineData("""{"content":"<b>héllo</b> & \"bye\"\n"}""", "<b>héllo</b> & \"bye\"\n")]
    [InlineData("""{"content":"caf\u00e9"}""", "café")]
    [InlineData("""{"content":42}""", "")]
    [InlineData("""{"content":{"a":1}}""", "")]
    [InlineData("""{"other":"x"}""", "")]
    public void Content_string_is_written_verbatim_and_anything_else_is_empty(string data, string expected)
    {
        Rendering.Render(_encoder, data).Should().Be((expected, "text/plain; charset=utf-8"));
    }

    [Fact]
    public void Content_created_in_code_and_no_data_are_handled()
    {
        Rendering.Render(_encoder, new JsonObject { ["content"] = "plain" }).Body.Should().Be("plain");
        Rendering.Render(_encoder, (JsonObject?)null).Should().Be(("", "text/plain; charset=utf-8"));
    }
}

using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class DecoderRegistryTests
{
    [Theory]
    [InlineData("json", typeof(JsonDecoder))]
    [InlineData("safejson", typeof(SafeJsonDecoder))]
    [InlineData("string", typeof(StringDecoder))]
    [InlineData("xml", typeof(XmlDecoder))]
    [InlineData("rss", typeof(RssDecoder))]
    [InlineData("XML", typeof(XmlDecoder))]
    [InlineData("SafeJSON", typeof(SafeJsonDecoder))]
    public void Names_are_matched_lower_cased(string name, Type expected)
    {
        DecoderRegistry.Default.Get(name).Should().BeOfType(expected);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("fast-json")]
    [InlineData("no-op")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_or_missing_name_gets_the_json_decoder(string? name)
    {
        DecoderRegistry.Default.Get(name).Should().BeOfType<JsonDecoder>();
    }

    [Fact]
    public void Registry_without_a_json_decoder_is_refused()
    {
        var create = () => new DecoderRegistry([new StringDecoder()]);

        create.Should().Throw<ArgumentException>();
    }
}

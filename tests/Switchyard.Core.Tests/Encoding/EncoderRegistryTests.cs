using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class EncoderRegistryTests
{
    [Theory]
    [InlineData("json", typeof(JsonEncoder))]
    [InlineData("fast-json", typeof(JsonEncoder))]
    [InlineData("json-collection", typeof(JsonCollectionEncoder))]
    [InlineData("string", typeof(StringEncoder))]
    [InlineData("xml", typeof(XmlEncoder))]
    [InlineData("yaml", typeof(YamlEncoder))]
    [InlineData("negotiate", typeof(NegotiateEncoder))]
    [InlineData("NEGOTIATE", typeof(NegotiateEncoder))]
    [InlineData("Fast-JSON", typeof(JsonEncoder))]
    public void Names_are_matched_lower_cased(string name, Type expected)
    {
        EncoderRegistry.Default.TryGet(name, out var encoder).Should().BeTrue();
        encoder.Should().BeOfType(expected);
    }

    [Fact]
    public void Fast_json_is_the_json_encoder()
    {
        EncoderRegistry.Default.Get("fast-json").Should().BeSameAs(EncoderRegistry.Default.Get("json"));
    }

    [Theory]
    [InlineData("no-op")]
    [InlineData("safejson")]
    [InlineData("rss")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_name_is_not_found_and_falls_back_to_json(string? name)
    {
        EncoderRegistry.Default.TryGet(name, out _).Should().BeFalse();
        EncoderRegistry.Default.Get(name).Should().BeOfType<JsonEncoder>();
    }

    [Fact]
    public void Registry_without_a_json_encoder_is_refused()
    {
        var create = () => new EncoderRegistry([new StringEncoder()]);

        create.Should().Throw<ArgumentException>();
    }
}

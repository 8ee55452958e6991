using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class JsonCollectionEncoderTests
{
    private readonly JsonCollectionEncoder _encoder = new();

    [Fact]
    public void Collection_array_is_written_alone()
    {
        var (body, contentType) = Rendering.Render(_encoder, """{"collection":[{"b":1,"a":1.10},"<"],"other":1}""");

        body.Should().Be("""[{"a":1.10,"b":1},"\u003c"]""");
        contentType.Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public void Missing_collection_is_an_empty_array()
    {
        Rendering.Render(_encoder, """{"other":1}""").Body.Should().Be("[]");
        Rendering.Render(_encoder, (JsonObject?)null).Should().Be(("[]", "application/json; charset=utf-8"));
    }

    [Fact]
    public void Collection_that_is_not_an_array_is_written_as_it_is()
    {
        // The xml decoder puts a whole document under "collection"; KrakenD renders whatever is there.
        Rendering.Render(_encoder, """{"collection":{"People":{"Person":["Al","Bo"]}}}""").Body
            .Should().Be("""{"People":{"Person":["Al","Bo"]}}""");
    }
}

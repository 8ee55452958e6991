using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class JsonEncoderTests
{
    private readonly JsonEncoder _encoder = new();

    [Fact]
    public void Data_is_written_sorted_and_html_escaped_without_a_trailing_newline()
    {
        var (body, contentType) = Rendering.Render(_encoder, """{"b":"<x>","a":{"d":[1.10,{"f":1,"e":2}],"c":12345678901234567890}}""");

        body.Should().Be("""{"a":{"c":12345678901234567890,"d":[1.10,{"e":2,"f":1}]},"b":"\u003cx\u003e"}""");
        contentType.Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public void No_data_is_an_empty_object()
    {
        Rendering.Render(_encoder, (JsonObject?)null).Should().Be(("{}", "application/json; charset=utf-8"));
    }

    [Fact]
    public void Empty_data_is_an_empty_object()
    {
        Rendering.Render(_encoder, new JsonObject()).Body.Should().Be("{}");
    }

    [Fact]
    public void Decoding_then_encoding_keeps_the_numbers_text()
    {
        const string backend = """{"price":1.10,"id":12345678901234567890,"ratio":1E-7,"neg":-0.000,"list":[0.50,2e10]}""";

        Rendering.Render(_encoder, backend).Body.Should().Be(
            """{"id":12345678901234567890,"list":[0.50,2e10],"neg":-0.000,"price":1.10,"ratio":1E-7}""");
    }

    [Fact]
    public void Fast_json_writes_the_same_bytes()
    {
        var data = Rendering.Decode("""{"b":1,"a":"&"}""");

        Rendering.Render(EncoderRegistry.Default.Get("fast-json"), data).Should().Be(Rendering.Render(_encoder, data));
    }
}

using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class NegotiateEncoderTests
{
    private const string Data = """{"user":{"-type":"admin","name":"Elliot"}}""";
    private const string Json = """{"user":{"-type":"admin","name":"Elliot"}}""";
    private const string Xml = """<user type="admin"><name>Elliot</name></user>""";
    private const string Yaml = "user:\n  -type: admin\n  name: Elliot\n";

    private readonly IOutputEncoder _encoder = EncoderRegistry.Default.Get("negotiate");

    [Theory]
    [InlineData(null, Json, "application/json; charset=utf-8")]
    [InlineData("", Json, "application/json; charset=utf-8")]
    [InlineData("*/*", Json, "application/json; charset=utf-8")]
    [InlineData("application/json", Json, "application/json; charset=utf-8")]
    [InlineData("application/xml", Xml, "application/xml")]
    [InlineData("text/xml", Xml, "application/xml")]
    [InlineData("text/plain", Yaml, "application/yaml; charset=utf-8")]
    [InlineData("application/x-yaml", Yaml, "application/yaml; charset=utf-8")]
    [InlineData("application/yaml", Yaml, "application/yaml; charset=utf-8")]
    [InlineData("image/png", Json, "application/json; charset=utf-8")]
    [InlineData("image/png, text/xml", Xml, "application/xml")]
    [InlineData("text/html, application/xml;q=0.1, application/json;q=0.9", Xml, "application/xml")]
    [InlineData("text/plain; charset=utf-8", Yaml, "application/yaml; charset=utf-8")]
    [InlineData("APPLICATION/XML", Xml, "application/xml")]
    [InlineData("text/*", Yaml, "application/yaml; charset=utf-8")]
    [InlineData("application/*", Json, "application/json; charset=utf-8")]
    [InlineData(" , application/xml", Xml, "application/xml")]
    public void Accept_header_picks_the_first_recognised_media_type(string? accept, string expectedBody, string expectedContentType)
    {
        Rendering.Render(_encoder, Data, accept).Should().Be((expectedBody, expectedContentType));
    }
}

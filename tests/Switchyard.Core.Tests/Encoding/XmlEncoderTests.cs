using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class XmlEncoderTests
{
    private readonly XmlEncoder _encoder = new();

    [Fact]
    public void Single_top_level_key_is_the_root_element()
    {
        // KrakenD CE fixture xml_1: an XML backend rendered back as XML.
        const string data = """
            {"user":{"-type":"admin","name":"Elliot","social":{"youtube":"https://youtube.com","twitter":"https://twitter.com","facebook":"https://facebook.com"}}}
            """;

        var (body, contentType) = Rendering.Render(_encoder, data);

        body.Should().Be("""<user type="admin"><name>Elliot</name><social><facebook>https://facebook.com</facebook><twitter>https://twitter.com</twitter><youtube>https://youtube.com</youtube></social></user>""");
        contentType.Should().Be("application/xml");
    }

    [Fact]
    public void Several_top_level_keys_are_wrapped_in_doc()
    {
        // KrakenD CE fixture xml_2: a JSON backend rendered as XML.
        const string data = """
            {"path":"/param_forwarding/","query":{},"foo":42,
             "headers":{"User-Agent":"KrakenD Version 2.10.1","Accept-Encoding":"gzip","X-Forwarded-Host":"localhost:8080","Referer":"http://127.0.0.1:8081/param_forwarding"}}
            """;

        Rendering.Render(_encoder, data).Body.Should().Be(
            "<doc><foo>42</foo><headers><Accept-Encoding>gzip</Accept-Encoding><Referer>http://127.0.0.1:8081/param_forwarding</Referer>"
            + "<User-Agent>KrakenD Version 2.10.1</User-Agent><X-Forwarded-Host>localhost:8080</X-Forwarded-Host></headers>"
            + "<path>/param_forwarding/</path><query/></doc>");
    }

    [Theory]
    [InlineData("""{"a":{"content":"supu & tupu"},"content":"tupu","foo":42}""", "<doc><a><content>supu &amp; tupu</content></a><content>tupu</content><foo>42</foo></doc>")]
    [InlineData("""{"a":{"-id":"1","#text":"hi"}}""", """<a id="1">hi</a>""")]
    [InlineData("""{"a":{"b":"1","#text":"hi"}}""", "<a>hi<b>1</b></a>")]
    [InlineData("""{"a":{"-x":"1","-y":2}}""", """<a x="1" y="2"/>""")]
    [InlineData("""{"a":{"-z":"\"q\"","-b":"x<y'","c":"1"}}""", """<a b="x&lt;y&apos;" z="&quot;q&quot;"><c>1</c></a>""")]
    [InlineData("""{"r":{"i":["1","2"]}}""", "<r><i>1</i><i>2</i></r>")]
    [InlineData("""{"i":[{"a":"1"},{"a":"2"}]}""", "<i><a>1</a></i><i><a>2</a></i>")]
    [InlineData("""{"i":[1,2]}""", "<doc><i>1</i><i>2</i></doc>")]
    [InlineData("""{"d":{"e":{},"n":null,"s":"","l":[],"t":true,"f":false}}""", "<d><e/><f>false</f><l/><n/><s/><t>true</t></d>")]
    [InlineData("""{"n":1.10,"big":12345678901234567890}""", "<doc><big>12345678901234567890</big><n>1.10</n></doc>")]
    [InlineData("""{"-":"dash","#":"hash"}""", "<doc><#>hash</#><->dash</-></doc>")]
    [InlineData("{}", "<doc/>")]
    public void Data_is_written_like_mxj(string data, string expected)
    {
        Rendering.Render(_encoder, data).Body.Should().Be(expected);
    }

    [Fact]
    public void Element_names_cannot_inject_markup()
    {
        Rendering.Render(_encoder, new JsonObject { ["a><b"] = "v" }).Body.Should().Be("<a&gt;&lt;b>v</a&gt;&lt;b>");
    }

    [Fact]
    public void No_data_is_an_empty_body()
    {
        Rendering.Render(_encoder, (JsonObject?)null).Should().Be(("", "application/xml; charset=utf-8"));
    }
}

using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class XmlDecoderTests
{
    private readonly XmlDecoder _decoder = new();

    [Fact]
    public void Attributes_elements_and_repeated_siblings_follow_mxj()
    {
        const string body = """
            <Person id="1">
                <FullName>Alice</FullName>
                <Company>Acme</Company>
                <Email where="home">
                    <Addr>gre@example.com</Addr>
                </Email>
                <Email where='work'>
                    <Addr>gre@work.com</Addr>
                </Email>
                <Group>
                    <Value>Friends</Value>
                    <Value>Squash</Value>
                </Group>
            </Person>
            """;

        var data = Rendering.Decode(_decoder, body);

        Rendering.Canonical(data).Should().Be(
            """{"Person":{"-id":"1","Company":"Acme","Email":[{"-where":"home","Addr":"gre@example.com"},{"-where":"work","Addr":"gre@work.com"}],"FullName":"Alice","Group":{"Value":["Friends","Squash"]}}}""");
    }

    [Theory]
    [InlineData("""<a id="1"> hi </a>""", """{"a":{"#text":"hi","-id":"1"}}""")]
    [InlineData("<a><b/><c></c><d>  </d></a>", """{"a":{"b":"","c":"","d":""}}""")]
    [InlineData("<a><n>42</n><t>true</t></a>", """{"a":{"n":"42","t":"true"}}""")]
    [InlineData("<a><![CDATA[<x> & y]]></a>", """{"a":"\u003cx\u003e \u0026 y"}""")]
    [InlineData("<a>fish &amp; chips</a>", """{"a":"fish \u0026 chips"}""")]
    [InlineData("""<x:a xmlns:x="urn:x"><x:b>1</x:b></x:a>""", """{"a":{"-x":"urn:x","b":"1"}}""")]
    [InlineData("<a><b>1</b>tail</a>", """{"a":{"#text":"tail","b":"1"}}""")]
    [InlineData("<a>lead<b>1</b></a>", """{"a":"lead"}""")]
    [InlineData("""<?xml version="1.0"?><!-- note --><a>1</a>""", """{"a":"1"}""")]
    [InlineData("<a>1</a><b>2</b>", """{"a":"1"}""")]
    public void Element_shapes_map_like_mxj(string body, string expected)
    {
        Rendering.Canonical(Rendering.Decode(_decoder, body)).Should().Be(expected);
    }

    [Fact]
    public void Collection_wraps_the_whole_document()
    {
        var data = Rendering.Decode(_decoder, "<People><Person>Al</Person><Person>Bo</Person></People>", isCollection: true);

        Rendering.Canonical(data).Should().Be("""{"collection":{"People":{"Person":["Al","Bo"]}}}""");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("<a>")]
    [InlineData("<a></b>")]
    [InlineData("<a>&nbsp;</a>")]
    [InlineData("""{"json":true}""")]
    public void Malformed_xml_is_a_decode_error(string body)
    {
        var decode = () => Rendering.Decode(_decoder, body);

        decode.Should().Throw<DecodeException>();
    }

    [Fact]
    public void Dtd_entities_are_never_expanded()
    {
        const string body = """
            <!DOCTYPE a [<!ENTITY boom "expanded">]>
            <a>&boom;</a>
            """;

        var decode = () => Rendering.Decode(_decoder, body);

        decode.Should().Throw<DecodeException>();
    }

    [Fact]
    public void External_dtd_is_skipped_without_being_fetched()
    {
        const string body = """<!DOCTYPE a SYSTEM "http://127.0.0.1:1/never.dtd"><a>1</a>""";

        Rendering.Canonical(Rendering.Decode(_decoder, body)).Should().Be("""{"a":"1"}""");
    }
}

using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class RssDecoderTests
{
    private readonly RssDecoder _decoder = new();

    [Fact]
    public void Rss2_feed_maps_channel_and_items_like_gofeed()
    {
        const string body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
              <channel>
                <title>Example feed</title>
                <link>https://example.com/</link>
                <description>All the news</description>
                <language>en-us</language>
                <copyright>2024 Example</copyright>
                <managingEditor>editor@example.com (Ed Itor)</managingEditor>
                <pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
                <lastBuildDate>Tue, 02 Jan 2024 00:00:00 GMT</lastBuildDate>
                <category>News</category>
                <itunes:keywords>x,y</itunes:keywords>
                <image><url>https://example.com/logo.png</url><title>Logo</title></image>
                <item>
                  <title>First &amp; foremost</title>
                  <link>https://example.com/1</link>
                  <description><![CDATA[<p>Hello</p>]]></description>
                  <content:encoded><![CDATA[<p>Full text</p>]]></content:encoded>
                  <author>jo@example.com (Jo)</author>
                  <guid isPermaLink="false">item-1</guid>
                  <pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
                  <category>a</category>
                  <category>b</category>
                  <enclosure url="https://example.com/1.mp3" length="1234" type="audio/mpeg"/>
                  <itunes:image href="https://example.com/1.png"/>
                </item>
                <item>
                  <title>Second</title>
                  <dc:creator>Sam</dc:creator>
                  <dc:date>2024-01-03</dc:date>
                </item>
              </channel>
            </rss>
            """;

        var data = Rendering.Decode(_decoder, body);

        ShouldEqual(data, """
            {
              "author": {"email": "editor@example.com", "name": "Ed Itor"},
              "categories": ["News", "x", "y"],
              "copyright": "2024 Example",
              "custom": null,
              "description": "All the news",
              "img_url": "https://example.com/logo.png",
              "items": [
                {
                  "author": {"email": "jo@example.com", "name": "Jo"},
                  "authors": [{"email": "jo@example.com", "name": "Jo"}],
                  "categories": ["a", "b"],
                  "content": "<p>Full text</p>",
                  "description": "<p>Hello</p>",
                  "enclosures": [{"length": "1234", "type": "audio/mpeg", "url": "https://example.com/1.mp3"}],
                  "guid": "item-1",
                  "image": {"url": "https://example.com/1.png"},
                  "link": "https://example.com/1",
                  "links": ["https://example.com/1"],
                  "published": "Mon, 01 Jan 2024 10:00:00 GMT",
                  "title": "First & foremost"
                },
                {
                  "author": {"name": "Sam"},
                  "authors": [{"name": "Sam"}],
                  "published": "2024-01-03",
                  "title": "Second"
                }
              ],
              "language": "en-us",
              "published": "Mon, 01 Jan 2024 00:00:00 GMT",
              "title": "Example feed",
              "type": "rss",
              "updated": "Tue, 02 Jan 2024 00:00:00 GMT"
            }
            """);
    }

    [Fact]
    public void Feed_without_image_author_or_categories_keeps_the_keys_with_empty_values()
    {
        var data = Rendering.Decode(_decoder, "<rss><channel><title>t</title></channel></rss>", isCollection: true);

        ShouldEqual(data, """
            {"author":null,"categories":null,"copyright":"","custom":null,"description":"","items":[],
             "language":"","published":"","title":"t","type":"rss","updated":""}
            """);
    }

    [Fact]
    public void Rss1_feed_reads_items_beside_the_channel()
    {
        const string body = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="https://example.com/"><title>RDF feed</title><description>d</description></channel>
              <item rdf:about="https://example.com/a"><title>A</title><link>https://example.com/a</link></item>
            </rdf:RDF>
            """;

        var data = Rendering.Decode(_decoder, body);

        data["type"]!.GetValue<string>().Should().Be("rss");
        data["title"]!.GetValue<string>().Should().Be("RDF feed");
        ShouldEqual(data["items"], """[{"link":"https://example.com/a","links":["https://example.com/a"],"title":"A"}]""");
    }

    [Fact]
    public void Atom_feed_maps_entries_like_gofeed()
    {
        const string body = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Atom feed</title>
              <subtitle>Sub</subtitle>
              <updated>2024-01-02T00:00:00Z</updated>
              <rights>CC</rights>
              <logo>https://example.com/logo.png</logo>
              <author><name>Ann</name><email>ann@example.com</email></author>
              <category term="tech"/>
              <entry>
                <title>Entry</title>
                <id>urn:entry:1</id>
                <link href="https://example.com/e1"/>
                <link rel="enclosure" href="https://example.com/e1.mp3" length="10" type="audio/mpeg"/>
                <updated>2024-01-02T00:00:00Z</updated>
                <summary>Short</summary>
                <content type="html">&lt;b&gt;Long&lt;/b&gt;</content>
                <author><name>Bob</name></author>
                <category term="c1"/>
              </entry>
            </feed>
            """;

        var data = Rendering.Decode(_decoder, body);

        ShouldEqual(data, """
            {
              "author": {"email": "ann@example.com", "name": "Ann"},
              "categories": ["tech"],
              "copyright": "CC",
              "custom": null,
              "description": "Sub",
              "img_url": "https://example.com/logo.png",
              "items": [
                {
                  "author": {"name": "Bob"},
                  "authors": [{"name": "Bob"}],
                  "categories": ["c1"],
                  "content": "<b>Long</b>",
                  "description": "Short",
                  "enclosures": [{"length": "10", "type": "audio/mpeg", "url": "https://example.com/e1.mp3"}],
                  "guid": "urn:entry:1",
                  "link": "https://example.com/e1",
                  "links": ["https://example.com/e1"],
                  "published": "2024-01-02T00:00:00Z",
                  "title": "Entry",
                  "updated": "2024-01-02T00:00:00Z"
                }
              ],
              "language": "en",
              "published": "",
              "title": "Atom feed",
              "type": "atom",
              "updated": "2024-01-02T00:00:00Z"
            }
            """);
    }

    [Theory]
    [InlineData("<html><body/></html>")]
    [InlineData("""{"version":"https://jsonfeed.org/version/1"}""")]
    [InlineData("<rss><channel>")]
    [InlineData("")]
    public void Body_that_is_not_a_feed_is_a_decode_error(string body)
    {
        var decode = () => Rendering.Decode(_decoder, body);

        decode.Should().Throw<DecodeException>();
    }

    private static void ShouldEqual(JsonNode? actual, string expected)
    {
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue("the decoded feed was {0}", Rendering.Canonical(actual));
    }
}

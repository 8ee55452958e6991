using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class BackendDecodingTests
{
    private const string RssFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Switchyard news</title>
            <link>http://news.example/</link>
            <description>What moves</description>
            <language>en-us</language>
            <item>
              <title>First train</title>
              <link>http://news.example/1</link>
              <description>It left on time</description>
              <pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate>
              <guid>news-1</guid>
            </item>
          </channel>
        </rss>
        """;

    [Theory]
    [InlineData("json", false, """{"b":[1,{"c":"d"}],"a":0.50}""", """{"a":0.50,"b":[1,{"c":"d"}]}""")]
    [InlineData("json", true, """[{"id":1},2]""", """{"collection":[{"id":1},2]}""")]
    [InlineData("safejson", false, """{"a":1}""", """{"a":1}""")]
    [InlineData("safejson", false, """[1,"two"]""", """{"collection":[1,"two"]}""")]
    [InlineData("safejson", false, "\"just text\"", """{"content":"just text"}""")]
    [InlineData("safejson", false, "42.0", """{"content":42.0}""")]
    [InlineData("string", false, """["not", "parsed"]""", """{"content":"[\"not\", \"parsed\"]"}""")]
    [InlineData("xml", false, """<user id="7"><name>ana</name><tag>a</tag><tag>b</tag></user>""", """{"user":{"-id":"7","name":"ana","tag":["a","b"]}}""")]
    [InlineData("xml", true, """<list><item>1</item></list>""", """{"collection":{"list":{"item":"1"}}}""")]
    public async Task Backend_encoding_decodes_the_body_into_the_rendered_json(string encoding, bool isCollection, string backendBody, string rendered)
    {
        await using var backend = await TestBackend.StartAsync(backendBody);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x",
              "encoding": "{{encoding}}", "is_collection": {{(isCollection ? "true" : "false")}}}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be(rendered);
    }

    [Theory]
    [InlineData("json", false, """[{"id":1}]""")]
    [InlineData("json", false, "\"text\"")]
    [InlineData("json", true, """{"id":1}""")]
    [InlineData("json", false, """{"id":""")]
    [InlineData("xml", false, "<open>")]
    [InlineData("rss", false, "<html/>")]
    public async Task A_body_the_backend_encoding_cannot_decode_fails_the_endpoint_with_500(string encoding, bool isCollection, string backendBody)
    {
        await using var backend = await TestBackend.StartAsync(backendBody);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x",
              "encoding": "{{encoding}}", "is_collection": {{(isCollection ? "true" : "false")}}}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task An_is_collection_array_can_be_renamed_with_mapping()
    {
        await using var backend = await TestBackend.StartAsync("""[1,2]""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x",
              "is_collection": true, "mapping": {"collection": "numbers"} }]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"numbers":[1,2]}""");
    }

    [Fact]
    public async Task A_gzip_encoded_backend_body_is_decompressed_before_decoding()
    {
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync("""{"zipped":true}"""u8.ToArray());
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"zipped":true}""");
        backend.Received.Single().Headers.AcceptEncoding.ToString().Should().Be("gzip");
    }

    [Fact]
    public async Task Rss_maps_an_rss_2_feed_to_krakend_feed_keys()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.ContentType = "application/rss+xml";
            return context.Response.WriteAsync(RssFeed);
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/news", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/feed", "encoding": "rss"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/news");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be(
            """
            {"author":null,"categories":null,"copyright":"","custom":null,"description":"What moves","items":[{"description":"It left on time","guid":"news-1","link":"http://news.example/1","links":["http://news.example/1"],"published":"Mon, 02 Jan 2006 15:04:05 GMT","title":"First train"}],"language":"en-us","published":"","title":"Switchyard news","type":"rss","updated":""}
            """);
    }
}

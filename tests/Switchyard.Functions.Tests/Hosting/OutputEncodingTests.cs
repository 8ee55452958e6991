using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class OutputEncodingTests
{
    private const string Json = "application/json; charset=utf-8";
    private const string Yaml = "application/yaml; charset=utf-8";

    [Theory]
    [InlineData("json")]
    [InlineData("fast-json")]
    [InlineData(null)]
    public async Task Json_sorts_keys_escapes_html_and_keeps_number_literals(string? outputEncoding)
    {
        await using var backend = await TestBackend.StartAsync("""{"b":"<a&b>","a":1.10,"c":{"z":true,"y":null,"n":1e3}}""");
        var encoding = outputEncoding is null ? "" : $"\"output_encoding\": \"{outputEncoding}\",";
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", {{encoding}} "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(Json);
        answer.Body.Should().Be("""{"a":1.10,"b":"\u003ca\u0026b\u003e","c":{"n":1e3,"y":null,"z":true}}""");
    }

    [Fact]
    public async Task Json_collection_writes_the_array_of_an_is_collection_backend()
    {
        await using var backend = await TestBackend.StartAsync("""[{"id":2,"b":"<"},{"id":1}]""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "json-collection",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x", "is_collection": true}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(Json);
        answer.Body.Should().Be("""[{"b":"\u003c","id":2},{"id":1}]""");
    }

    [Fact]
    public async Task Json_collection_without_a_collection_writes_an_empty_array()
    {
        await using var backend = await TestBackend.StartAsync("""{"id":1}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "json-collection", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(Json);
        answer.Body.Should().Be("[]");
    }

    [Fact]
    public async Task String_writes_a_string_backend_body_as_it_came()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("hello <world> & \"ü\"\n");
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "string",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x", "encoding": "string"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be("text/plain; charset=utf-8");
        answer.Body.Should().Be("hello <world> & \"ü\"\n");
    }

    [Theory]
    [InlineData("""{"user":{"name":"ana","-id":"7","tags":["a","b"]}}""", """<user id="7"><name>ana</name><tags>a</tags><tags>b</tags></user>""")]
    [InlineData("""{"b":"<&>","a":{}}""", "<doc><a/><b>&lt;&amp;&gt;</b></doc>")]
    public async Task Xml_uses_a_single_key_as_root_else_doc(string backendBody, string xml)
    {
        await using var backend = await TestBackend.StartAsync(backendBody);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "xml", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be("application/xml");
        answer.Body.Should().Be(xml);
    }

    [Fact]
    public async Task Yaml_writes_block_style_with_sorted_keys()
    {
        await using var backend = await TestBackend.StartAsync("""{"b":[1,2.50],"a":"x","c":{"d":true}}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "yaml", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(Yaml);
        answer.Body.Should().Be("a: x\nb:\n- 1\n- 2.50\nc:\n  d: true\n");
    }

    [Theory]
    [InlineData("application/json", Json, """{"a":1}""")]
    [InlineData("application/xml", "application/xml", "<a>1</a>")]
    [InlineData("text/plain", Yaml, "a: 1\n")]
    [InlineData("application/x-yaml", Yaml, "a: 1\n")]
    [InlineData("*/*", Json, """{"a":1}""")]
    [InlineData("image/png", Json, """{"a":1}""")]
    [InlineData("application/xml;q=0.1, application/json;q=0.9", "application/xml", "<a>1</a>")]
    [InlineData(null, Json, """{"a":1}""")]
    public async Task Negotiate_picks_the_encoding_from_accept_in_written_order(string? accept, string contentType, string body)
    {
        await using var backend = await TestBackend.StartAsync("""{"a":1}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "negotiate", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x", accept);

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(contentType);
        answer.Body.Should().Be(body);
    }

    [Fact]
    public async Task An_unknown_output_encoding_renders_with_the_single_backend_encoding()
    {
        await using var backend = await TestBackend.StartAsync(context => context.Response.WriteAsync("plain <text>"));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "html",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x", "encoding": "string"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be("text/plain; charset=utf-8");
        answer.Body.Should().Be("plain <text>");
    }

    [Fact]
    public async Task An_unknown_output_encoding_is_json_when_the_backend_encoding_has_no_render()
    {
        await using var backend = await TestBackend.StartAsync("\"<one>\"");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "html",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x", "encoding": "safejson"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(Json);
        answer.Body.Should().Be("""{"content":"\u003cone\u003e"}""");
    }

    [Fact]
    public async Task An_unknown_output_encoding_with_several_backends_is_json()
    {
        await using var first = await TestBackend.StartAsync(context => context.Response.WriteAsync("one"));
        await using var second = await TestBackend.StartAsync(context => context.Response.WriteAsync("two"));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "html", "backend": [
              {"host": ["{{first.Host}}"], "url_pattern": "/1", "encoding": "string", "group": "a"},
              {"host": ["{{second.Host}}"], "url_pattern": "/2", "encoding": "string", "group": "b"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.ContentType.Should().Be(Json);
        answer.Body.Should().Be("""{"a":{"content":"one"},"b":{"content":"two"}}""");
    }

    [Fact]
    public async Task No_op_passes_status_every_header_and_body_through_unmarked_and_uncached()
    {
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            context.Response.StatusCode = 418;
            context.Response.ContentType = "application/x-teapot";
            context.Response.Headers.Append("Set-Cookie", "a=1; Path=/");
            context.Response.Headers.Append("Set-Cookie", "b=2; HttpOnly");
            context.Response.Headers["X-Backend"] = "kettle";
            await context.Response.WriteAsync("{not json <at all>");
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "no-op", "cache_ttl": "1m",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/tea", "encoding": "no-op"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be((HttpStatusCode)418);
        answer.Completed.Should().Be("false");
        answer.ContentType.Should().Be("application/x-teapot");
        answer.Body.Should().Be("{not json <at all>");
        answer.Response.Headers.GetValues("Set-Cookie").Should().Equal("a=1; Path=/", "b=2; HttpOnly");
        answer.Response.Headers.GetValues("X-Backend").Should().Equal("kettle");
        answer.Response.Headers.CacheControl.Should().BeNull();
    }

    [Fact]
    public async Task No_op_follows_backend_redirects_like_every_backend_call()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.Redirect("/new");
                return Task.CompletedTask;
            }

            context.Response.StatusCode = 202;
            return context.Response.WriteAsync("moved here");
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "no-op",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/old", "encoding": "no-op"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.Accepted);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("moved here");
        answer.Response.Headers.Location.Should().BeNull();
        backend.Received.Select(r => r.Target).Should().Equal("/old", "/new");
    }

    [Fact]
    public async Task No_op_passes_a_gzip_backend_body_on_decompressed_like_the_go_transport()
    {
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync("unzipped text"u8.ToArray());
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "no-op",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x", "encoding": "no-op"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("unzipped text");
        answer.Response.Content.Headers.ContentEncoding.Should().BeEmpty();
    }

    [Fact]
    public async Task No_op_backend_that_is_down_answers_500()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "output_encoding": "no-op",
             "backend": [{"host": ["{{ClosedPort.Host()}}"], "url_pattern": "/x", "encoding": "no-op"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }
}

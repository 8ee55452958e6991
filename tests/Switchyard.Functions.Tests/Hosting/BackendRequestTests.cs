using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>How a backend call is made: method and body, load balancing, redirects and compressed answers.</summary>
public sealed class BackendRequestTests
{
    [Fact]
    public async Task The_method_and_body_of_a_POST_reach_every_backend()
    {
        await using var first = await TestBackend.StartAsync("""{"a":1}""");
        await using var second = await TestBackend.StartAsync("""{"b":2}""");
        await using var third = await TestBackend.StartAsync("""{"c":3}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/orders", "method": "POST", "backend": [
              {"host": ["{{first.Host}}"], "url_pattern": "/first"},
              {"host": ["{{second.Host}}"], "url_pattern": "/second"},
              {"host": ["{{third.Host}}"], "url_pattern": "/third", "method": "put"}]}
            """));

        var response = await gateway.Client.PostAsync("/orders", new StringContent("""{"item":"book","qty":2}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"a":1,"b":2,"c":3}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        foreach (var (backend, method) in new[] { (first, "POST"), (second, "POST"), (third, "PUT") })
        {
            var received = backend.Received.Single();
            received.Method.Should().Be(method);
            received.Body.Should().Be("""{"item":"book","qty":2}""");
            received.Headers.ContentType.ToString().Should().Be("application/json; charset=utf-8");
        }
    }

    [Fact]
    public async Task Calls_are_spread_round_robin_over_the_hosts()
    {
        await using var first = await TestBackend.StartAsync("""{"host":"first"}""");
        await using var second = await TestBackend.StartAsync("""{"host":"second"}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/balanced", "backend": [
              {"host": ["{{first.Host}}", "{{second.Host}}"], "url_pattern": "/answer"}]}
            """));

        var bodies = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await gateway.Client.GetAsync("/balanced");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        first.Received.Should().HaveCount(2);
        second.Received.Should().HaveCount(2);
        bodies.Distinct().Should().HaveCount(2);
        bodies[0].Should().NotBe(bodies[1], "consecutive calls go to different hosts");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_backend_redirect_is_followed(int status)
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/new?from=old";
                return Task.CompletedTask;
            }

            return TestBackend.Json(context, """{"moved":true}""");
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/moved", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/old"}]}
            """));

        var response = await gateway.Client.GetAsync("/moved");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"moved":true}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        backend.Received.Select(r => r.Target).Should().Equal("/old", "/new?from=old");
    }

    [Theory]
    [InlineData(null)]
    // The client's own Accept-Encoding reaches the backend, and the answer is still decoded by the gateway.
    [InlineData("gzip")]
    public async Task A_gzip_backend_answer_is_decoded(string? clientAcceptEncoding)
    {
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            var compressed = Gzip("""{"zipped":true,"text":"héllo"}""");
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/zipped", "input_headers": ["*"], "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/zipped"}]}
            """));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/zipped");
        if (clientAcceptEncoding is not null)
        {
            request.Headers.Add("Accept-Encoding", clientAcceptEncoding);
        }

        var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"text":"héllo","zipped":true}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class BackendErrorTests
{
    private const string ReturnErrorMessage = """ "extra_config": {"router": {"return_error_msg": true}} """;

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    public async Task Status_200_and_201_succeed(int status)
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""", status);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"ok":true}""");
    }

    [Theory]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Any_other_status_fails_the_endpoint_with_an_empty_500(int status)
    {
        await using var backend = await TestBackend.StartAsync(status == 204 ? "" : """{"ok":false}""", status);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task Return_error_msg_writes_the_failure_text_as_plain_text()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":false}""", 404);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, rootKeys: ReturnErrorMessage));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.ContentType.Should().Be("text/plain; charset=utf-8");
        answer.Body.Should().Be($"invalid status code 404 [GET /b]: {backend.Host}/b");
    }

    [Fact]
    public async Task Return_error_details_answers_200_with_the_failure_under_the_alias_and_no_formatter()
    {
        await using var backend = await TestBackend.StartAsync("""{"msg":"<nope>"}""", 404);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, """
            "group": "g", "target": "msg", "allow": ["msg"],
            "extra_config": {"backend/http": {"return_error_details": "backend_a"}}
            """, endpointKeys: """ "cache_ttl": "1m", """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be(
            """{"error_backend_a":{"http_body":"{\"msg\":\"\u003cnope\u003e\"}","http_body_encoding":"application/json","http_status_code":404}}""");
        answer.Response.Headers.CacheControl.Should().BeNull();
    }

    [Fact]
    public async Task Return_error_details_leaves_out_an_empty_body_and_encoding()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, """
            "extra_config": {"backend/http": {"return_error_details": "b"}}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("""{"error_b":{"http_status_code":503}}""");
    }

    [Fact]
    public async Task Return_error_code_answers_the_backend_status_with_an_empty_body()
    {
        await using var backend = await TestBackend.StartAsync("""{"retry":"later"}""", 429);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, """
            "extra_config": {"backend/http": {"return_error_code": true}}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.TooManyRequests);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task Return_error_code_with_return_error_msg_answers_the_backend_body_and_content_type()
    {
        await using var backend = await TestBackend.StartAsync("""{"retry":"later"}""", 429);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, """
            "extra_config": {"backend/http": {"return_error_code": true}}
            """, rootKeys: ReturnErrorMessage));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.TooManyRequests);
        answer.Completed.Should().Be("false");
        answer.ContentType.Should().Be("application/json");
        answer.Body.Should().Be("""{"retry":"later"}""");
    }

    [Fact]
    public async Task Return_error_code_with_two_backends_is_hidden_by_the_merge()
    {
        await using var limited = await TestBackend.StartAsync("""{"retry":"later"}""", 429);
        await using var fine = await TestBackend.StartAsync("""{"name":"ana"}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [
              {"host": ["{{limited.Host}}"], "url_pattern": "/a", "extra_config": {"backend/http": {"return_error_code": true} } },
              {"host": ["{{fine.Host}}"], "url_pattern": "/b"}]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("""{"name":"ana"}""");
    }

    [Fact]
    public async Task Return_error_details_wins_over_return_error_code()
    {
        await using var backend = await TestBackend.StartAsync("""{"retry":"later"}""", 429);
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, """
            "extra_config": {"backend/http": {"return_error_code": true, "return_error_details": "b"}}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("""{"error_b":{"http_body":"{\"retry\":\"later\"}","http_body_encoding":"application/json","http_status_code":429}}""");
    }

    [Fact]
    public async Task A_backend_that_is_down_fails_with_500()
    {
        await using var gateway = await TestGateway.StartAsync(SingleBackend(ClosedPort.Host()));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task A_backend_answering_invalid_json_fails_with_500()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("<html>oops</html>");
        });
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task A_backend_slower_than_the_endpoint_timeout_fails_with_500()
    {
        await using var backend = await TestBackend.StartAsync("""{"late":true}""", delay: TimeSpan.FromSeconds(3));
        await using var gateway = await TestGateway.StartAsync(SingleBackend(backend.Host, endpointKeys: """ "timeout": "300ms", """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Completed.Should().Be("false");
        answer.Body.Should().BeEmpty();
    }

    private static string SingleBackend(string host, string backendKeys = "", string endpointKeys = "", string rootKeys = "") =>
        TestGateway.Config($$"""
            {"endpoint": "/x", {{endpointKeys}}
             "backend": [{"host": ["{{host}}"], "url_pattern": "/b" {{(backendKeys.Length > 0 ? "," + backendKeys : "")}} }]}
            """, rootKeys);
}

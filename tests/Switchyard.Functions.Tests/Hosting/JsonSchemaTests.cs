using System.Net;
using System.Text;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// <c>validation/json-schema</c> through the running gateway against a real backend: KrakenD's 400 (empty unless the
/// router returns error messages), and a valid body reaching the backend exactly as the client sent it.
/// </summary>
public sealed class JsonSchemaTests
{
    private const string AddressSchema = """
        {"type": "object", "required": ["number", "street_name", "street_type"],
         "properties": {"number": {"type": "number"}, "street_name": {"type": "string"},
                        "street_type": {"type": "string", "enum": ["Street", "Avenue", "Boulevard"]}}}
        """;

    private const string ReturnErrors = """ "extra_config": {"router": {"return_error_msg": true}} """;

    [Fact]
    public async Task A_valid_body_reaches_the_backend_byte_for_byte()
    {
        await using var backend = await TestBackend.StartAsync("""{"stored":true}""");
        await using var gateway = await StartAsync(backend);
        // Spacing, key order, an escape and a number format that any re-serialisation would change.
        var sent = Encoding.UTF8.GetBytes("{ \"street_type\" :\"Avenue\",\n\t\"number\": 1.50E1, \"street_name\": \"Gran V\\u00eda ñ\" }");

        var response = await gateway.Client.PostAsync("/address", new ByteArrayContent(sent));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"stored":true}""");
        // The backend keeps the body as UTF-8 text: for valid UTF-8, equal bytes and equal text are the same thing.
        Encoding.UTF8.GetBytes(backend.Received.Should().ContainSingle().Which.Body).Should().Equal(sent);
    }

    [Theory]
    [InlineData("""{"invalid": true}""")]
    [InlineData("""{"number": 7,""")]
    public async Task A_body_that_breaks_the_schema_or_is_not_JSON_is_an_empty_400_and_never_reaches_the_backend(string body)
    {
        await using var backend = await TestBackend.StartAsync("""{"stored":true}""");
        await using var gateway = await StartAsync(backend);

        var response = await gateway.Client.PostAsync("/address", Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task With_return_error_msg_each_problem_is_a_line_of_plain_text()
    {
        await using var backend = await TestBackend.StartAsync("""{"stored":true}""");
        await using var gateway = await StartAsync(backend, ReturnErrors);

        var response = await gateway.Client.PostAsync("/address", Json("""{"number": "7", "street_name": "Main", "street_type": "Lane"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        (await response.Content.ReadAsStringAsync()).Split('\n').Should().Equal(
            "- at '/number': Value is \"string\" but should be \"number\"",
            "- at '/street_type': Value should match one of the values specified by the enum");
        backend.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("GET", null)]
    public async Task A_missing_or_empty_body_cannot_be_validated(string method, string? body)
    {
        await using var backend = await TestBackend.StartAsync("""{"stored":true}""");
        await using var gateway = await StartAsync(backend, ReturnErrors, method);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/address") { Content = body is null ? null : Json(body) };

        var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("could not validate an empty body");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task The_schema_runs_after_the_endpoint_policies()
    {
        await using var backend = await TestBackend.StartAsync("""{"stored":true}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/address", "method": "POST",
             "extra_config": {"validation/json-schema": {{AddressSchema}},
               "security/policies": {"req": {"policies": ["'X-Allowed' in req_headers"], "error": {"status": 403} } } },
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/store"}]}
            """));

        var response = await gateway.Client.PostAsync("/address", Json("""{"invalid": true}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a request the policies deny is refused before its body is looked at");
    }

    private static Task<TestGateway> StartAsync(TestBackend backend, string rootKeys = "", string method = "POST") =>
        TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/address", "method": "{{method}}", "extra_config": {"validation/json-schema": {{AddressSchema}}},
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/store"}]}
            """, rootKeys));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

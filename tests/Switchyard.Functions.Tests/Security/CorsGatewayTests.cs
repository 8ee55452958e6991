using System.Net;
using Microsoft.Extensions.Logging;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary><c>security/cors</c> through the real gateway: preflights, actual requests and every kind of answer.</summary>
public sealed class CorsGatewayTests
{
    private const string App = "https://app.example.com";

    [Fact]
    public async Task A_preflight_is_answered_by_the_gateway_without_calling_the_backend()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """{"allow_origins": ["https://app.example.com"], "allow_methods": ["GET", "POST"], "max_age": "2h"}""");

        using var response = await gateway.Client.SendAsync(Preflight("/orders", App, "POST", "content-type,x-trace-id"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be(App);
        Header(response, "Access-Control-Allow-Methods").Should().Be("POST");
        Header(response, "Access-Control-Allow-Headers").Should().Be("content-type,x-trace-id");
        Header(response, "Access-Control-Max-Age").Should().Be("7200");
        Header(response, "Vary").Should().Be("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.Contains("X-KrakenD-Completed").Should().BeFalse();
        backend.Received.Should().BeEmpty("the gateway answers preflights itself");
    }

    [Theory]
    [InlineData("https://evil.example.net", "GET", null)] // origin not allowed
    [InlineData(App, "PUT", null)] // cors_2: method not allowed
    [InlineData(App, "GET", "X-PINGOTHER")] // cors_3: not a lower-case sorted list
    [InlineData(App, "GET", "origin,content-type")] // unsorted
    public async Task A_refused_preflight_is_still_answered_but_without_allow_headers(string origin, string method, string? requestHeaders)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """{"allow_origins": ["https://app.example.com"], "allow_headers": ["Origin", "Content-Type"]}""");

        using var response = await gateway.Client.SendAsync(Preflight("/orders", origin, method, requestHeaders));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        AccessControlHeaders(response).Should().BeEmpty();
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Cors_5_an_allowed_actual_request_reads_the_answer_and_a_disallowed_one_gets_no_cors_headers()
    {
        await using var backend = await TestBackend.StartAsync("""{"id":1}""");
        await using var gateway = await StartAsync(backend, """
            {"allow_origins": ["https://*.example.com"], "expose_headers": ["Content-Length"], "allow_credentials": true}
            """);

        using var allowed = await gateway.Client.SendAsync(Get("/orders", "https://shop.example.com"));
        using var refused = await gateway.Client.SendAsync(Get("/orders", "https://evil.example.net"));

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(allowed, "Vary").Should().Be("Origin");
        Header(allowed, "Access-Control-Allow-Origin").Should().Be("https://shop.example.com");
        Header(allowed, "Access-Control-Expose-Headers").Should().Be("Content-Length");
        Header(allowed, "Access-Control-Allow-Credentials").Should().Be("true");
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "CORS never rejects: the browser withholds the answer");
        Header(refused, "Vary").Should().Be("Origin");
        AccessControlHeaders(refused).Should().BeEmpty();
        backend.Received.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/failing", HttpStatusCode.InternalServerError)]
    [InlineData("/__health", HttpStatusCode.OK)]
    public async Task Every_kind_of_answer_carries_the_cors_headers(string path, HttpStatusCode status)
    {
        await using var backend = await TestBackend.StartAsync("""{"error":true}""", status: 500);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/failing", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/f"}]}
            """, """ "extra_config": {"security/cors": {"allow_origins": ["https://app.example.com"]}} """));

        using var response = await gateway.Client.SendAsync(Get(path, App));

        response.StatusCode.Should().Be(status);
        Header(response, "Access-Control-Allow-Origin").Should().Be(App);
    }

    [Fact]
    public async Task With_passthrough_the_preflight_reaches_the_router_with_its_cors_headers()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """{"options_passthrough": true}""");

        using var response = await gateway.Client.SendAsync(Preflight("/orders", App, "GET"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, "no OPTIONS route exists");
        Header(response, "Access-Control-Allow-Origin").Should().Be("*");
        Header(response, "Access-Control-Allow-Methods").Should().Be("GET");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task The_configured_status_answers_preflights()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """{"options_success_status": 200}""");

        using var response = await gateway.Client.SendAsync(Preflight("/orders", App, "GET"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(0);
    }

    [Fact]
    public async Task Private_network_access_is_granted_when_enabled()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """{"allow_private_network": true}""");
        using var request = Preflight("/orders", "https://public.example", "GET");
        request.Headers.Add("Access-Control-Request-Private-Network", "true");

        using var response = await gateway.Client.SendAsync(request);

        Header(response, "Access-Control-Allow-Private-Network").Should().Be("true");
        Header(response, "Vary").Should().EndWith(", Access-Control-Request-Private-Network");
    }

    [Fact]
    public async Task Debug_logs_every_decision()
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(backend, """{"allow_origins": ["https://app.example.com"], "debug": true}"""), logs);

        using var _ = await gateway.Client.SendAsync(Preflight("/orders", "https://evil.example.net", "GET"));

        logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Debug
            && entry.Message == "[CORS] preflight OPTIONS from origin 'https://evil.example.net': OriginNotAllowed");
    }

    private static Task<TestGateway> StartAsync(TestBackend backend, string cors) => TestGateway.StartAsync(Config(backend, cors));

    private static string Config(TestBackend backend, string cors) => TestGateway.Config(
        $$"""{"endpoint": "/orders", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/o"}]},""" +
        $$"""{"endpoint": "/orders", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/o"}]}""",
        $$""" "extra_config": {"security/cors": {{cors}}} """);

    private static HttpRequestMessage Preflight(string path, string origin, string method, string? requestHeaders = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (requestHeaders is not null)
        {
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", requestHeaders);
        }

        return request;
    }

    private static HttpRequestMessage Get(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static string[] AccessControlHeaders(HttpResponseMessage response) =>
        [.. response.Headers.Select(header => header.Key).Where(name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))];
}

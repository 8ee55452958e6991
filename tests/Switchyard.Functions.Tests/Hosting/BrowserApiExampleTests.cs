using System.Net;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// <c>examples/browser-api.json</c>, the README's CORS, HTTP security and bot detection example, served against the
/// gateway's own <c>/__debug/</c>: it answers as the README says.
/// </summary>
public sealed class BrowserApiExampleTests
{
    private static Task<TestGateway> StartExampleAsync() =>
        TestGateway.StartSelfCallingAsync(RepositoryFiles.Read("examples", "browser-api.json"));

    [Fact]
    public async Task The_app_passes_its_preflight_with_credentials()
    {
        await using var gateway = await StartExampleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/orders");
        request.Headers.Add("Origin", "https://app.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-trace-id");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://app.example.com");
        response.Headers.GetValues("Access-Control-Allow-Credentials").Should().Equal("true");
        response.Headers.GetValues("Access-Control-Max-Age").Should().Equal("43200");
    }

    [Fact]
    public async Task A_preview_deployment_reads_the_answer_with_the_security_headers()
    {
        await using var gateway = await StartExampleAsync();
        using var request = Get("/api/profile", "api.example.com", "Mozilla/5.0");
        request.Headers.Add("Origin", "https://pr-42.preview.example.com");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"pong"}""");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://pr-42.preview.example.com");
        response.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000; includeSubDomains");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal("default-src 'none'; frame-ancestors 'none'");
    }

    [Theory]
    [InlineData("/api/profile", "evil.example.net", "Mozilla/5.0", HttpStatusCode.InternalServerError)]
    [InlineData("/api/profile", "api.example.com", "Googlebot/2.1", HttpStatusCode.Forbidden)]
    [InlineData("/api/profile", "api.example.com", "EvilScraper/1.0", HttpStatusCode.Forbidden)]
    [InlineData("/api/profile", "api.example.com", "Pingdom.com_bot_version_1.1", HttpStatusCode.OK)]
    [InlineData("/api/profile", "api.example.com", null, HttpStatusCode.OK)]
    public async Task Hosts_and_bots_are_checked_before_any_backend(string path, string host, string? userAgent, HttpStatusCode status)
    {
        await using var gateway = await StartExampleAsync();

        using var response = await gateway.Client.SendAsync(Get(path, host, userAgent));

        response.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task Orders_need_a_user_agent()
    {
        await using var gateway = await StartExampleAsync();
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent("{}") };
        anonymous.Headers.Host = "api.example.com";

        using var response = await gateway.Client.SendAsync(anonymous);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static HttpRequestMessage Get(string path, string host, string? userAgent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return request;
    }
}

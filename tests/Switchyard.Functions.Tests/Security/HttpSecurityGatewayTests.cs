using System.Net;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary><c>security/http</c> through the real gateway (krakend-httpsecure's cases).</summary>
public sealed class HttpSecurityGatewayTests
{
    [Theory]
    [InlineData("host1", HttpStatusCode.OK)]
    [InlineData("subdomain1.host2", HttpStatusCode.OK)]
    [InlineData("subdomain.host1", HttpStatusCode.InternalServerError)]
    [InlineData("host2", HttpStatusCode.InternalServerError)]
    public async Task Only_allowed_hosts_reach_the_endpoints(string host, HttpStatusCode status)
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await StartAsync(backend, """{"allowed_hosts": ["host1", "subdomain1.host2"]}""");

        var answer = await SendAsync(gateway, "/items", host);

        answer.Status.Should().Be(status);
        if (status == HttpStatusCode.OK)
        {
            backend.Received.Should().ContainSingle();
            return;
        }

        answer.Body.Should().Be("Bad Host\n");
        answer.ContentType.Should().Be("text/plain; charset=utf-8");
        answer.Response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        answer.Completed.Should().BeNull();
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Health_skips_the_host_check_and_the_headers_but_a_404_gets_them()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """{"allowed_hosts": ["host1"], "frame_deny": true}""");

        var health = await SendAsync(gateway, "/__health", "unknown");
        var missing = await SendAsync(gateway, "/nowhere", "unknown");
        var missingAllowed = await SendAsync(gateway, "/nowhere", "host1");

        health.Status.Should().Be(HttpStatusCode.OK);
        health.Response.Headers.Contains("X-Frame-Options").Should().BeFalse();
        missing.Status.Should().Be(HttpStatusCode.InternalServerError);
        missing.Body.Should().Be("Bad Host\n");
        missingAllowed.Status.Should().Be(HttpStatusCode.NotFound);
        missingAllowed.Response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_the_ssl_host_unless_a_proxy_says_it_was_https()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, """
            {"ssl_redirect": true, "ssl_host": "secure.example.com", "ssl_proxy_headers": {"X-Forwarded-Proto": "https"},
             "sts_seconds": 31536000, "sts_include_subdomains": true}
            """);

        var redirected = await SendAsync(gateway, "/items?b=1", "gateway.example.com");
        var proxied = await SendAsync(gateway, "/items?b=1", "gateway.example.com", ("X-Forwarded-Proto", "https"));

        redirected.Status.Should().Be(HttpStatusCode.MovedPermanently);
        redirected.Response.Headers.Location!.OriginalString.Should().Be("https://secure.example.com/items?b=1");
        redirected.Body.Should().Be("<a href=\"https://secure.example.com/items?b=1\">Moved Permanently</a>.\n\n");
        proxied.Status.Should().Be(HttpStatusCode.OK);
        proxied.Response.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000; includeSubDomains");
        backend.Received.Should().ContainSingle();
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "max-age=31536000; includeSubDomains")]
    public async Task Hsts_is_not_sent_over_plain_http_unless_forced(bool force, string? hsts)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await StartAsync(backend, $$"""
            {"sts_seconds": 31536000, "sts_include_subdomains": true, "force_sts_header": {{(force ? "true" : "false")}},
             "frame_deny": true, "custom_frame_options_value": "SAMEORIGIN", "content_type_nosniff": true, "browser_xss_filter": true,
             "content_security_policy": "default-src 'self'", "referrer_policy": "no-referrer"}
            """);

        var answer = await SendAsync(gateway, "/items", "any");

        answer.Status.Should().Be(HttpStatusCode.OK);
        var headers = answer.Response.Headers;
        (headers.TryGetValues("Strict-Transport-Security", out var sts) ? sts.Single() : null).Should().Be(hsts);
        headers.GetValues("X-Frame-Options").Should().Equal("SAMEORIGIN");
        headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        headers.GetValues("X-XSS-Protection").Should().Equal("1; mode=block");
        headers.GetValues("Content-Security-Policy").Should().Equal("default-src 'self'");
        headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
    }

    [Fact]
    public async Task A_bad_host_answer_keeps_the_cors_headers_of_the_outer_layer()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config(
            $$"""{"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}]}""",
            """ "extra_config": {"security/cors": {}, "security/http": {"allowed_hosts": ["host1"]}} """));

        var answer = await SendAsync(gateway, "/items", "host2", ("Origin", "https://app.example.com"));

        answer.Status.Should().Be(HttpStatusCode.InternalServerError);
        answer.Response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    private static Task<TestGateway> StartAsync(TestBackend backend, string security) => TestGateway.StartAsync(TestGateway.Config(
        $$"""{"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}]}""",
        $$""" "extra_config": {"security/http": {{security}}} """));

    private static async Task<GatewayAnswer> SendAsync(TestGateway gateway, string target, string host, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));
    }
}

using Switchyard.Core.Security.HttpSecurity;

namespace Switchyard.Core.Tests.Security.HttpSecurity;

/// <summary>KrakenD's <c>security/http</c> cases (krakend-httpsecure's tests) and unrolled/secure 1.15's rules.</summary>
public sealed class HttpSecurityPolicyTests
{
    private static readonly TestRequestHeaders NoHeaders = new();

    [Theory]
    [InlineData("host1", true)]
    [InlineData("HOST1", true)]
    [InlineData("subdomain1.host2", true)]
    [InlineData("subdomain.host1", false)]
    [InlineData("host2", false)]
    [InlineData("host1:8080", false)]
    [InlineData("", false)]
    public void Allowed_hosts_are_exact_names_ignoring_case(string host, bool allowed)
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { AllowedHosts = ["host1", "subdomain1.host2"] });

        policy.Check(host, isHttps: false, "/", NoHeaders).Outcome.Should().Be(allowed ? HttpSecurityOutcome.Pass : HttpSecurityOutcome.BadHost);
    }

    [Theory]
    [InlineData("api.example.com", true)]
    [InlineData("v2.api.example.com", true)]
    [InlineData("api.example.com.evil.net", false)]
    [InlineData("evil.net/api.example.com", false)]
    [InlineData("localhost:8080", true)]
    [InlineData("localhost:80800", false)]
    public void Regex_hosts_match_the_whole_host(string host, bool allowed)
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions
        {
            AllowedHosts = [@"([a-z0-9]+\.)?api\.example\.com", @"localhost:\d{4}"],
            AllowedHostsAreRegex = true,
        });

        policy.Check(host, isHttps: false, "/", NoHeaders).Outcome.Should().Be(allowed ? HttpSecurityOutcome.Pass : HttpSecurityOutcome.BadHost);
    }

    [Fact]
    public void The_first_host_proxy_header_present_replaces_the_host()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { AllowedHosts = ["public.example.com"], HostProxyHeaders = ["X-Original-Host", "X-Forwarded-Host"] });

        policy.Check("10.0.0.7:8080", false, "/", new TestRequestHeaders(("X-Forwarded-Host", "public.example.com"))).Outcome.Should().Be(HttpSecurityOutcome.Pass);
        policy.Check("public.example.com", false, "/", new TestRequestHeaders(("X-Forwarded-Host", "evil.example.net"))).Outcome.Should().Be(HttpSecurityOutcome.BadHost);
        policy.Check("public.example.com", false, "/", new TestRequestHeaders(("X-Forwarded-Host", ""))).Outcome.Should().Be(HttpSecurityOutcome.Pass);
    }

    [Fact]
    public void Development_mode_turns_off_the_host_check_the_redirect_and_hsts()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions
        {
            AllowedHosts = ["host1"],
            SslRedirect = true,
            StsSeconds = 60,
            ForceStsHeader = true,
            FrameDeny = true,
            IsDevelopment = true,
        });

        var verdict = policy.Check("anything", false, "/", NoHeaders);

        verdict.Outcome.Should().Be(HttpSecurityOutcome.Pass);
        Lines(verdict).Should().Equal("X-Frame-Options: DENY");
    }

    [Theory]
    [InlineData("/a?b=1", "", "https://secure.example.com/a?b=1")]
    [InlineData("/a?b=1", null, "https://gateway.example.com:8080/a?b=1")]
    [InlineData("/caf%C3%A9/x?q=a%20b", "", "https://secure.example.com/caf%C3%A9/x?q=a%20b")]
    [InlineData("/a?", "", "https://secure.example.com/a?")]
    public void Ssl_redirect_sends_plain_http_to_the_https_address(string target, string? forwardedHost, string location)
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { SslRedirect = true, SslHost = forwardedHost is null ? "" : "secure.example.com" });

        var verdict = policy.Check("gateway.example.com:8080", false, target, NoHeaders);

        verdict.Outcome.Should().Be(HttpSecurityOutcome.RedirectToHttps);
        verdict.Location.Should().Be(location);
    }

    [Fact]
    public void A_host_from_a_proxy_header_cannot_reshape_the_redirect()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { SslRedirect = true, HostProxyHeaders = ["X-Forwarded-Host"] });

        var verdict = policy.Check("gateway", false, "/a", new TestRequestHeaders(("X-Forwarded-Host", "evil.net/x?y#z@w é")));

        verdict.Location.Should().Be("https://evil.net%2Fx%3Fy%23z%40w%20%C3%A9/a");
    }

    [Fact]
    public void Https_requests_and_matching_ssl_proxy_headers_are_not_redirected()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions
        {
            SslRedirect = true,
            SslProxyHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });

        policy.Check("h", isHttps: true, "/", NoHeaders).Outcome.Should().Be(HttpSecurityOutcome.Pass);
        policy.Check("h", false, "/", new TestRequestHeaders(("x-forwarded-proto", "https"))).Outcome.Should().Be(HttpSecurityOutcome.Pass);
        policy.Check("h", false, "/", new TestRequestHeaders(("X-Forwarded-Proto", "HTTPS"))).Outcome.Should().Be(HttpSecurityOutcome.RedirectToHttps);
        policy.Check("h", false, "/", new TestRequestHeaders(("X-Forwarded-Proto", "http"))).Outcome.Should().Be(HttpSecurityOutcome.RedirectToHttps);
    }

    [Fact]
    public void The_host_check_comes_before_the_redirect()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { AllowedHosts = ["good"], SslRedirect = true });

        policy.Check("bad", false, "/", NoHeaders).Should().BeSameAs(HttpSecurityVerdict.BadHost);
    }

    [Theory]
    [InlineData(false, false, false, null)]
    [InlineData(true, false, false, "max-age=31536000; includeSubDomains")]
    [InlineData(false, true, false, "max-age=31536000; includeSubDomains")]
    [InlineData(false, false, true, "max-age=31536000; includeSubDomains")]
    public void Hsts_is_sent_over_tls_behind_a_tls_proxy_or_when_forced(bool isHttps, bool proxyHeader, bool force, string? hsts)
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions
        {
            StsSeconds = 31536000,
            StsIncludeSubdomains = true,
            ForceStsHeader = force,
            SslProxyHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        var headers = proxyHeader ? new TestRequestHeaders(("X-Forwarded-Proto", "https")) : NoHeaders;

        var verdict = policy.Check("h", isHttps, "/", headers);

        verdict.Headers.Where(h => h.Key == "Strict-Transport-Security").Select(h => h.Value).Should().Equal(hsts is null ? [] : [hsts]);
    }

    [Fact]
    public void Every_security_header_is_sent_with_unrolled_secure_values()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions
        {
            StsSeconds = 60,
            FrameDeny = true,
            ContentTypeNosniff = true,
            BrowserXssFilter = true,
            ContentSecurityPolicy = "default-src 'self'",
            ReferrerPolicy = "same-origin",
        });

        Lines(policy.Check("h", true, "/", NoHeaders)).Should().Equal(
            "Strict-Transport-Security: max-age=60",
            "X-Frame-Options: DENY",
            "X-Content-Type-Options: nosniff",
            "X-XSS-Protection: 1; mode=block",
            "Content-Security-Policy: default-src 'self'",
            "Referrer-Policy: same-origin");
    }

    [Fact]
    public void A_custom_frame_option_wins_over_frame_deny()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { FrameDeny = true, CustomFrameOptionsValue = "SAMEORIGIN" });

        Lines(policy.Check("h", false, "/", NoHeaders)).Should().Equal("X-Frame-Options: SAMEORIGIN");
    }

    [Fact]
    public void A_nonce_placeholder_gets_a_fresh_nonce_on_every_answer()
    {
        var policy = new HttpSecurityPolicy(new HttpSecurityOptions { ContentSecurityPolicy = "script-src $NONCE 'self'" });

        var first = policy.Check("h", false, "/", NoHeaders).Headers.Single().Value;
        var second = policy.Check("h", false, "/", NoHeaders).Headers.Single().Value;

        first.Should().MatchRegex("^script-src 'nonce-[A-Za-z0-9+/]{22}' 'self'$");
        second.Should().NotBe(first);
    }

    [Fact]
    public void Without_options_nothing_is_checked_or_added()
    {
        var verdict = new HttpSecurityPolicy(new HttpSecurityOptions()).Check("any", false, "/", NoHeaders);

        verdict.Outcome.Should().Be(HttpSecurityOutcome.Pass);
        verdict.Headers.Should().BeEmpty();
    }

    private static string[] Lines(HttpSecurityVerdict verdict) => [.. verdict.Headers.Select(header => $"{header.Key}: {header.Value}")];
}

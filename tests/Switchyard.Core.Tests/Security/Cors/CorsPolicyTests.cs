using Switchyard.Core.Security.Cors;

namespace Switchyard.Core.Tests.Security.Cors;

/// <summary>KrakenD's CORS cases (krakend-ce specs cors_1 to cors_5, krakend-cors' tests) and rs/cors 1.11's edge cases.</summary>
public sealed class CorsPolicyTests
{
    private const string PreflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    // The fixture of KrakenD's integration tests.
    private static readonly CorsOptions KrakendFixture = new()
    {
        AllowOrigins = ["*"],
        AllowMethods = ["POST", "GET"],
        AllowHeaders = ["Origin", "Authorization", "Content-Type"],
        ExposeHeaders = ["Content-Length"],
        MaxAge = TimeSpan.FromHours(12),
    };

    private static readonly CorsPolicy Fixture = new(KrakendFixture);

    [Fact]
    public void Cors_1_an_allowed_preflight_gets_every_allow_header()
    {
        var answer = Fixture.Decide(Preflight("http://foo.example", "GET", "content-type,origin"));

        answer.Outcome.Should().Be(CorsOutcome.Allowed);
        Fixture.PreflightStatus.Should().Be(204);
        Lines(answer).Should().Equal(
            "Vary: " + PreflightVary,
            "Access-Control-Allow-Origin: *",
            "Access-Control-Allow-Methods: GET",
            "Access-Control-Allow-Headers: content-type,origin",
            "Access-Control-Max-Age: 43200");
    }

    [Theory]
    [InlineData("PUT", "content-type", CorsOutcome.MethodNotAllowed)] // cors_2
    [InlineData("GET", "X-PINGOTHER", CorsOutcome.HeadersNotAllowed)] // cors_3: not lower-case
    [InlineData("GET", "x-pingother", CorsOutcome.HeadersNotAllowed)] // not allowed at all
    [InlineData("GET", "origin,content-type", CorsOutcome.HeadersNotAllowed)] // not sorted
    [InlineData("GET", "origin,origin", CorsOutcome.HeadersNotAllowed)] // not unique
    [InlineData("GET", "content-type,  origin", CorsOutcome.HeadersNotAllowed)] // more than one space
    [InlineData("get", "content-type", CorsOutcome.MethodNotAllowed)] // methods are case-sensitive
    public void Cors_2_and_3_a_refused_preflight_gets_only_vary(string method, string requestHeaders, CorsOutcome outcome)
    {
        var answer = Fixture.Decide(Preflight("http://foo.example", method, requestHeaders));

        answer.Outcome.Should().Be(outcome);
        Lines(answer).Should().Equal("Vary: " + PreflightVary);
    }

    [Theory]
    [InlineData("content-type, origin")]
    [InlineData("authorization,content-type,origin")]
    [InlineData("")]
    public void Request_header_lists_rs_cors_accepts(string requestHeaders) =>
        Fixture.Decide(Preflight("http://foo.example", "POST", requestHeaders)).Outcome.Should().Be(CorsOutcome.Allowed);

    [Fact]
    public void An_empty_request_header_list_is_not_echoed()
    {
        var answer = Fixture.Decide(Preflight("http://foo.example", "POST", ""));

        answer.Headers.Select(header => header.Key).Should().NotContain("Access-Control-Allow-Headers");
    }

    [Fact]
    public void A_list_split_over_several_lines_is_read_as_one_and_echoed_line_by_line()
    {
        var answer = Fixture.Decide(new CorsRequest("OPTIONS", "http://foo.example", "POST", ["authorization", "content-type"]));

        answer.Outcome.Should().Be(CorsOutcome.Allowed);
        Values(answer, "Access-Control-Allow-Headers").Should().Equal("authorization", "content-type");
    }

    [Fact]
    public void Cors_5_an_actual_request_gets_vary_origin_and_the_exposed_headers()
    {
        var answer = Fixture.Decide(new CorsRequest("GET", "http://foo.example"));

        Lines(answer).Should().Equal(
            "Vary: Origin",
            "Access-Control-Allow-Origin: *",
            "Access-Control-Expose-Headers: Content-Length");
    }

    [Fact]
    public void Listed_origins_are_echoed_and_max_age_is_in_seconds()
    {
        var policy = new CorsPolicy(new CorsOptions { AllowOrigins = ["http://foobar.com"], MaxAge = TimeSpan.FromHours(2) });

        var answer = policy.Decide(Preflight("http://foobar.com", "GET"));

        Values(answer, "Access-Control-Allow-Origin").Should().Equal("http://foobar.com");
        Values(answer, "Access-Control-Max-Age").Should().Equal("7200");
        policy.Decide(Preflight("http://other.com", "GET")).Outcome.Should().Be(CorsOutcome.OriginNotAllowed);
    }

    [Theory]
    [InlineData("https://api.example.com", true)]
    [InlineData("HTTPS://API.Example.COM", true)]
    [InlineData("https://a.b.example.com", true)]
    [InlineData("https://example.com", false)]
    [InlineData("http://api.example.com", false)]
    [InlineData("https://api.example.com.evil.net", false)]
    [InlineData("https://evilexample.com", false)]
    [InlineData("https://app.example.org", true)]
    [InlineData("https://app.example.org:8443", false)]
    public void Origins_match_exactly_or_by_wildcard_ignoring_case(string origin, bool allowed)
    {
        var policy = new CorsPolicy(new CorsOptions { AllowOrigins = ["https://*.example.com", "https://APP.example.org"] });

        var answer = policy.Decide(new CorsRequest("GET", origin));

        answer.Outcome.Should().Be(allowed ? CorsOutcome.Allowed : CorsOutcome.OriginNotAllowed);
        Values(answer, "Access-Control-Allow-Origin").Should().Equal(allowed ? [origin] : []);
    }

    [Fact]
    public void A_disallowed_origin_gets_only_vary()
    {
        var policy = new CorsPolicy(new CorsOptions { AllowOrigins = ["https://app.example.com"], AllowCredentials = true, ExposeHeaders = ["x-a"] });

        Lines(policy.Decide(new CorsRequest("GET", "https://evil.example.net"))).Should().Equal("Vary: Origin");
        Lines(policy.Decide(Preflight("https://evil.example.net", "GET"))).Should().Equal("Vary: " + PreflightVary);
    }

    [Fact]
    public void A_request_without_origin_gets_only_vary()
    {
        var answer = Fixture.Decide(new CorsRequest("GET", null));
        answer.Outcome.Should().Be(CorsOutcome.NoOrigin);
        Lines(answer).Should().Equal("Vary: Origin");
        Fixture.Decide(Preflight(null, "GET")).Outcome.Should().Be(CorsOutcome.NoOrigin);
    }

    [Fact]
    public void Options_without_a_requested_method_is_an_actual_request()
    {
        var request = new CorsRequest("OPTIONS", "http://foo.example", "");

        request.IsPreflight.Should().BeFalse();
        Values(Fixture.Decide(request), "Vary").Should().Equal("Origin");
        Values(Fixture.Decide(request), "Access-Control-Allow-Origin").Should().Equal("*");
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("POST", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("PUT", false)]
    [InlineData("DELETE", false)]
    public void The_default_methods_are_the_simple_ones(string method, bool allowed)
    {
        var policy = new CorsPolicy(new CorsOptions());

        policy.Decide(new CorsRequest(method, "https://a.example")).Outcome.Should().Be(allowed ? CorsOutcome.Allowed : CorsOutcome.MethodNotAllowed);
        policy.Decide(Preflight("https://a.example", method)).Outcome.Should().Be(allowed ? CorsOutcome.Allowed : CorsOutcome.MethodNotAllowed);
    }

    [Fact]
    public void Without_allow_headers_any_header_list_passes_as_sent()
    {
        var policy = new CorsPolicy(new CorsOptions());

        var answer = policy.Decide(Preflight("https://a.example", "POST", "X-Trace-Id,content-type"));

        answer.Outcome.Should().Be(CorsOutcome.Allowed);
        Values(answer, "Access-Control-Allow-Headers").Should().Equal("X-Trace-Id,content-type");
    }

    [Fact]
    public void Credentials_are_allowed_on_preflights_and_actual_requests()
    {
        var policy = new CorsPolicy(new CorsOptions { AllowOrigins = ["https://app.example.com"], AllowCredentials = true });

        Values(policy.Decide(Preflight("https://app.example.com", "GET")), "Access-Control-Allow-Credentials").Should().Equal("true");
        Values(policy.Decide(new CorsRequest("GET", "https://app.example.com")), "Access-Control-Allow-Credentials").Should().Equal("true");
    }

    [Fact]
    public void Private_network_access_is_answered_only_when_enabled_and_asked()
    {
        var enabled = new CorsPolicy(new CorsOptions { AllowPrivateNetwork = true });
        var asked = Preflight("https://public.example", "GET") with { RequestPrivateNetwork = "true" };

        var answer = enabled.Decide(asked);

        Values(answer, "Vary").Should().Equal(PreflightVary + ", Access-Control-Request-Private-Network");
        Values(answer, "Access-Control-Allow-Private-Network").Should().Equal("true");
        Values(enabled.Decide(Preflight("https://public.example", "GET")), "Access-Control-Allow-Private-Network").Should().BeEmpty();
        Values(new CorsPolicy(new CorsOptions()).Decide(asked), "Access-Control-Allow-Private-Network").Should().BeEmpty();
    }

    [Theory]
    [InlineData("12h", "43200")]
    [InlineData("90s", "90")]
    [InlineData("1.9s", "1")]
    [InlineData("500ms", null)]
    [InlineData("0s", null)]
    [InlineData("-1s", "0")]
    [InlineData("-500ms", null)]
    public void Max_age_is_whole_seconds_as_go_truncates_them(string maxAge, string? header)
    {
        Switchyard.Core.Configuration.GoDuration.TryParse(maxAge, out var age, out _).Should().BeTrue();
        var policy = new CorsPolicy(new CorsOptions { MaxAge = age });

        Values(policy.Decide(Preflight("https://a.example", "GET")), "Access-Control-Max-Age").Should().Equal(header is null ? [] : [header]);
    }

    [Fact]
    public void Exposed_headers_are_sent_in_canonical_spelling()
    {
        var policy = new CorsPolicy(new CorsOptions { ExposeHeaders = ["x-request-id", "content-LENGTH"] });

        Values(policy.Decide(new CorsRequest("GET", "https://a.example")), "Access-Control-Expose-Headers")
            .Should().Equal("X-Request-Id, Content-Length");
    }

    [Fact]
    public void Passthrough_and_status_come_from_the_options()
    {
        var policy = new CorsPolicy(new CorsOptions { OptionsPassthrough = true, OptionsSuccessStatus = 200, Debug = true });

        policy.Passthrough.Should().BeTrue();
        policy.PreflightStatus.Should().Be(200);
        policy.Debug.Should().BeTrue();
    }

    private static CorsRequest Preflight(string? origin, string method, string? requestHeaders = null) =>
        new("OPTIONS", origin, method, requestHeaders is null ? null : [requestHeaders]);

    private static string[] Lines(CorsAnswer answer) => [.. answer.Headers.Select(header => $"{header.Key}: {header.Value}")];

    private static string[] Values(CorsAnswer answer, string name) =>
        [.. answer.Headers.Where(header => header.Key == name).Select(header => header.Value)];
}

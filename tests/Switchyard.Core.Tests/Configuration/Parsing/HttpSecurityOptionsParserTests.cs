using Switchyard.Core.Security.HttpSecurity;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class HttpSecurityOptionsParserTests
{
    [Fact]
    public void Every_key_is_read()
    {
        var security = LoadValid("""
            {"version": 3, "extra_config": {"security/http": {
              "allowed_hosts": ["api.example.com"], "allowed_hosts_are_regex": true, "host_proxy_headers": ["X-Forwarded-Host"],
              "sts_seconds": 31536000, "sts_include_subdomains": true, "force_sts_header": true, "frame_deny": true,
              "custom_frame_options_value": "SAMEORIGIN", "content_type_nosniff": true, "browser_xss_filter": true,
              "content_security_policy": "default-src 'self'", "referrer_policy": "no-referrer", "ssl_redirect": true,
              "ssl_host": "secure.example.com", "ssl_proxy_headers": {"X-Forwarded-Proto": "https"}, "is_development": false}}}
            """).HttpSecurity;

        security.Should().BeEquivalentTo(new HttpSecurityOptions
        {
            AllowedHosts = ["api.example.com"],
            AllowedHostsAreRegex = true,
            HostProxyHeaders = ["X-Forwarded-Host"],
            StsSeconds = 31536000,
            StsIncludeSubdomains = true,
            ForceStsHeader = true,
            FrameDeny = true,
            CustomFrameOptionsValue = "SAMEORIGIN",
            ContentTypeNosniff = true,
            BrowserXssFilter = true,
            ContentSecurityPolicy = "default-src 'self'",
            ReferrerPolicy = "no-referrer",
            SslRedirect = true,
            SslHost = "secure.example.com",
            SslProxyHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
    }

    [Fact]
    public void The_schema_only_pinning_key_is_accepted_and_ignored()
    {
        var result = Core.Configuration.ConfigLoader.Parse("""
            {"version": 3, "extra_config": {"github_com/devopsfaith/krakend-httpsecure": {"hpkp_public_key": "pin-sha256=\"abc\"", "frame_deny": true}}}
            """);

        result.Errors.Should().BeEmpty();
        result.Warnings.Should().BeEmpty();
        result.Config!.HttpSecurity!.FrameDeny.Should().BeTrue();
    }

    [Fact]
    public void Unknown_keys_and_wrong_types_are_errors()
    {
        LoadErrors("""
            {"version": 3, "extra_config": {"security/http": {"sts_seconds": "1y", "ssl_proxy_headers": {"X-Forwarded-Proto": true},
              "sts_preload": true}}}
            """).Should().Equal(
            "extra_config.security/http.sts_seconds: expected an integer, got string \"1y\"",
            "extra_config.security/http.ssl_proxy_headers.X-Forwarded-Proto: expected a string, got boolean true",
            "extra_config.security/http.sts_preload: unknown key 'sts_preload': refused, because it may configure a protection Switchyard does not enforce");
    }

    [Fact]
    public void Security_http_on_an_endpoint_is_refused()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/http": {"frame_deny": true}}
            """)).Should().ContainSingle().Which.Should().StartWith(
            "endpoints[0].extra_config.security/http: 'security/http' (allowed hosts, HSTS and security headers) is served on the service only");
    }
}

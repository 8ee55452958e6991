using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class RouterOptionsParserTests
{
    [Fact]
    public void Router_keys_are_read()
    {
        var router = LoadValid("""
            {"version": 3, "extra_config": {"router": {"return_error_msg": true, "disable_health": true,
              "health_path": "/health", "disable_path_decoding": true}}}
            """).Router;

        router.Should().Be(new RouterOptions
        {
            ReturnErrorMessage = true,
            DisableHealth = true,
            HealthPath = "/health",
            DisablePathDecoding = true,
        });
    }

    [Fact]
    public void Router_keys_that_change_answers_are_refused()
    {
        LoadErrors("""
            {"version": 3, "extra_config": {"router": {"max_payload": 10, "error_body": {"500": {}}, "surprise": 1}}}
            """).Should().Equal(
            "extra_config.router.error_body.500: unknown key '500': refused, because it may configure a protection Switchyard does not enforce",
            "extra_config.router.max_payload: 'max_payload' (request body size limit) is not served by Switchyard: refused, because "
                + "request bodies would only be bounded by Switchyard's own limit",
            "extra_config.router.surprise: unknown key 'surprise': refused, because it may configure a protection Switchyard does not enforce");
    }

    [Fact]
    public void Router_keys_that_only_tune_logs_warn()
    {
        LoadWarnings("""
            {"version": 3, "extra_config": {"router": {"disable_access_log": true, "logger_skip_paths": ["/__health"]}}}
            """).Should().Equal(
            "extra_config.router.logger_skip_paths: unsupported key 'logger_skip_paths' (access log paths; ignored)",
            "extra_config.router.disable_access_log: unsupported key 'disable_access_log' (access log; ignored)");
    }

    [Fact]
    public void The_client_ip_options_are_read_with_gin_defaults()
    {
        var defaults = LoadValid("""{"version": 3, "extra_config": {"router": {}}}""").Router;
        defaults.ForwardedByClientIp.Should().BeTrue();
        defaults.RemoteIpHeaders.Should().Equal("X-Forwarded-For", "X-Real-IP");
        defaults.TrustedProxies.Should().BeEmpty();
        defaults.AppEngine.Should().BeFalse();

        var router = LoadValid("""
            {"version": 3, "extra_config": {"router": {"forwarded_by_client_ip": false, "remote_ip_headers": ["X-Client-IP"],
              "trusted_proxies": ["10.0.0.0/8", "::1"], "app_engine": true}}}
            """).Router;
        router.ForwardedByClientIp.Should().BeFalse();
        router.RemoteIpHeaders.Should().Equal("X-Client-IP");
        router.TrustedProxies.Should().Equal("10.0.0.0/8", "::1");
        router.AppEngine.Should().BeTrue();
    }

    [Fact]
    public void A_trusted_proxy_that_is_no_address_or_range_is_an_error()
    {
        LoadErrors("""
            {"version": 3, "extra_config": {"router": {"trusted_proxies": ["10.0.0.0/8", "10.0.0.0/99", "proxy.local"], "remote_ip_headers": [""]}}}
            """).Should().Equal(
            "extra_config.router.trusted_proxies[1]: '10.0.0.0/99' is neither an IP address nor a CIDR range",
            "extra_config.router.trusted_proxies[2]: 'proxy.local' is neither an IP address nor a CIDR range",
            "extra_config.router.remote_ip_headers[0]: a header name is required");
    }

    [Fact]
    public void The_routing_switches_and_error_bodies_are_read()
    {
        var router = LoadValid("""
            {"version": 3, "extra_config": {"router": {"auto_options": true, "disable_redirect_trailing_slash": true,
              "disable_redirect_fixed_path": true, "disable_handle_method_not_allowed": true, "remove_extra_slash": true,
              "hide_version_header": true, "error_body": {"404": {"msg": "nf"}, "405": "nope"}}}}
            """).Router;

        router.AutoOptions.Should().BeTrue();
        router.DisableRedirectTrailingSlash.Should().BeTrue();
        router.DisableRedirectFixedPath.Should().BeTrue();
        router.DisableHandleMethodNotAllowed.Should().BeTrue();
        router.RemoveExtraSlash.Should().BeTrue();
        router.NotFoundBody!.ToJsonString().Should().Be("""{"msg":"nf"}""");
        router.MethodNotAllowedBody!.ToJsonString().Should().Be("\"nope\"");
    }
}

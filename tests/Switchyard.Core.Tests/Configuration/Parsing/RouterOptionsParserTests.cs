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
    public void Router_keys_that_change_answers_or_the_client_ip_are_refused()
    {
        LoadErrors("""
            {"version": 3, "extra_config": {"router": {"trusted_proxies": ["10.0.0.0/8"], "error_body": {}, "surprise": 1}}}
            """).Should().Equal(
            "extra_config.router.trusted_proxies: 'trusted_proxies' (trusted proxies) is not served by Switchyard: refused, because the "
                + "client's IP (X-Forwarded-For to backends) would be read from headers Switchyard trusts by default",
            "extra_config.router.error_body: 'error_body' (custom 404 and 405 bodies) is not served by Switchyard: refused, because "
                + "clients would get different answers",
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
}

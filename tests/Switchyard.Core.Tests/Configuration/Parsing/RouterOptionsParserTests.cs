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
    public void Other_router_keys_warn()
    {
        LoadWarnings("""
            {"version": 3, "extra_config": {"router": {"auto_options": true, "error_body": {}}}}
            """).Should().Equal(
            "extra_config.router.auto_options: unsupported key 'auto_options'",
            "extra_config.router.error_body: unsupported key 'error_body'");
    }
}

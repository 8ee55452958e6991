using Switchyard.Core.Security.Cors;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class CorsOptionsParserTests
{
    [Fact]
    public void Every_key_is_read()
    {
        var cors = LoadValid("""
            {"version": 3, "extra_config": {"security/cors": {
              "allow_origins": ["https://app.example.com"], "allow_methods": ["GET", "PUT"], "allow_headers": ["X-Trace-Id"],
              "expose_headers": ["Content-Length"], "allow_credentials": true, "max_age": "12h", "options_passthrough": true,
              "options_success_status": 200, "allow_private_network": true, "debug": true}}}
            """).Cors;

        cors.Should().BeEquivalentTo(new CorsOptions
        {
            AllowOrigins = ["https://app.example.com"],
            AllowMethods = ["GET", "PUT"],
            AllowHeaders = ["X-Trace-Id"],
            ExposeHeaders = ["Content-Length"],
            AllowCredentials = true,
            MaxAge = TimeSpan.FromHours(12),
            OptionsPassthrough = true,
            OptionsSuccessStatus = 200,
            AllowPrivateNetwork = true,
            Debug = true,
        });
    }

    [Fact]
    public void An_empty_block_allows_every_origin_with_krakend_defaults()
    {
        var cors = LoadValid("""{"version": 3, "extra_config": {"security/cors": {"options_success_status": 0}}}""").Cors;

        cors.Should().BeEquivalentTo(new CorsOptions());
        cors!.OptionsSuccessStatus.Should().Be(204);
        cors.MaxAge.Should().BeNull();
    }

    [Fact]
    public void The_old_name_is_read_too()
    {
        LoadValid("""{"version": 3, "extra_config": {"github_com/devopsfaith/krakend-cors": {"allow_origins": ["https://a.example"]}}}""")
            .Cors!.AllowOrigins.Should().Equal("https://a.example");
    }

    [Fact]
    public void Values_krakend_would_drop_are_errors_with_their_path()
    {
        LoadErrors("""
            {"version": 3, "extra_config": {"security/cors": {"allow_origins": ["https://a.example", 7], "max_age": "forever",
              "allow_credentials": "yes", "allow_everything": true}}}
            """).Should().Equal(
            "extra_config.security/cors.allow_origins[1]: expected a string, got number 7",
            "extra_config.security/cors.allow_credentials: expected a boolean, got string \"yes\"",
            "extra_config.security/cors.max_age: invalid duration \"forever\"",
            "extra_config.security/cors.allow_everything: unknown key 'allow_everything': refused, because it may configure a protection Switchyard does not enforce");
    }

    [Fact]
    public void Cors_on_an_endpoint_is_refused_as_an_enterprise_feature_switchyard_lacks()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/cors": {}}
            """)).Should().ContainSingle().Which.Should().Be(
            "endpoints[0].extra_config.security/cors: 'security/cors' (CORS) is served on the service only, not on endpoints: refused, "
            + "because browsers would get no CORS answers, or origins the policy refuses would be let through");
    }

    [Fact]
    public void Cors_and_bot_detection_on_an_async_agent_are_refused_for_lack_of_a_client_request()
    {
        LoadErrors(ServiceWithAgents("""
            {"name": "a", "consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {}, "security/cors": {}, "security/bot-detector": {}}}
            """)).Should().Equal(
            "async_agent[0].extra_config.security/cors: 'security/cors' (CORS) is refused on an async agent: a message has no client request to check",
            "async_agent[0].extra_config.security/bot-detector: 'security/bot-detector' (bot detection by user agent) is refused on an async agent: "
            + "a message has no client request to check");
    }
}

using Switchyard.Core.Security.BotDetection;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class BotDetectorOptionsParserTests
{
    [Fact]
    public void The_service_and_endpoint_detectors_are_read()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://backend:8000"],
             "extra_config": {"security/bot-detector": {"allow": ["c"], "deny": ["a", "b"], "patterns": ["(facebookexternalhit)/.*"],
               "cache_size": 100, "empty_user_agent_is_bot": true}},
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}],
               "extra_config": {"github_com/devopsfaith/krakend-botdetector": {"deny": ["curl/8.6.0"]}}}]}
            """);

        config.BotDetector.Should().BeEquivalentTo(new BotDetectorOptions
        {
            Allow = ["c"],
            Deny = ["a", "b"],
            Patterns = ["(facebookexternalhit)/.*"],
            CacheSize = 100,
            EmptyUserAgentIsBot = true,
        });
        config.Endpoints[0].BotDetector.Should().BeEquivalentTo(new BotDetectorOptions { Deny = ["curl/8.6.0"] });
    }

    [Fact]
    public void A_workflow_cannot_hold_a_detector()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x"}], "extra_config": {"security/bot-detector": {}}}
            """)).Should().ContainSingle().Which.Should().StartWith(
            WorkflowPath + ".extra_config.security/bot-detector: 'security/bot-detector' (bot detection by user agent) is served on the service and endpoints only");
    }

    [Fact]
    public void Unknown_keys_are_errors()
    {
        LoadErrors("""{"version": 3, "extra_config": {"security/bot-detector": {"Deny": ["a"]}}}""").Should().Equal(
            "extra_config.security/bot-detector.Deny: unknown key 'Deny': refused, because it may configure a protection Switchyard does not enforce");
    }
}

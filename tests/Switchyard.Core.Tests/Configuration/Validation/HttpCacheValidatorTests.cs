using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class HttpCacheValidatorTests
{
    [Fact]
    public void Sizes_below_the_minimum_are_refused_at_any_depth_and_in_agents()
    {
        var errors = LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/w", "extra_config": {"qos/http-cache": {"max_items": 0, "max_size": 1023}}}]}
            """));

        errors.Should().Equal(
            $"{WorkflowPath}.backend[0].extra_config.qos/http-cache.max_items: must be at least 1, got 0",
            $"{WorkflowPath}.backend[0].extra_config.qos/http-cache.max_size: must be at least 1024 bytes, got 1023");

        LoadErrors(ServiceWithAgentBackends("""{"url_pattern": "/b", "extra_config": {"qos/http-cache": {"max_items": -1}}}"""))
            .Should().Equal("async_agent[0].backend[0].extra_config.qos/http-cache.max_items: must be at least 1, got -1");
    }
}

using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class DurationValidatorTests
{
    [Fact]
    public void A_negative_root_timeout_is_reported_once_at_the_root()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "timeout": "-1s",
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}]}]}
            """).Should().Equal("timeout: must be greater than zero");
    }

    [Fact]
    public void A_negative_endpoint_timeout_is_an_error()
    {
        LoadErrors(ServiceWithEndpoint("\"timeout\": \"-5ms\"")).Should().Equal(
            "endpoints[0].timeout: must be greater than zero");
    }

    [Fact]
    public void Negative_cache_ttls_are_errors()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "cache_ttl": "-1s",
             "endpoints": [{"endpoint": "/e", "cache_ttl": "-2s", "backend": [{"url_pattern": "/b"}]}]}
            """).Should().Equal(
            "cache_ttl: must not be negative",
            "endpoints[0].cache_ttl: must not be negative");
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("-1s")]
    public void A_shadow_timeout_must_be_positive(string timeout)
    {
        LoadErrors(ServiceWithBackend($"\"extra_config\": {{\"proxy\": {{\"shadow\": true, \"shadow_timeout\": \"{timeout}\"}}}}"))
            .Should().Equal("endpoints[0].backend[0].extra_config.proxy.shadow_timeout: must be greater than zero");
    }

    [Fact]
    public void A_negative_timeout_inherited_by_workflows_is_reported_once_where_it_is_written()
    {
        LoadErrors(Service("""
            {"endpoint": "/e", "timeout": "-1s", "backend": [{"url_pattern": "/w", "extra_config": {"workflow":
              {"endpoint": "/w", "backend": [{"url_pattern": "/x"}]}}}]}
            """)).Should().Equal(
            "endpoints[0].timeout: must be greater than zero");
    }
}

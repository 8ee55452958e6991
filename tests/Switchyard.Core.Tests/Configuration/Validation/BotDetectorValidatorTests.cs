using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class BotDetectorValidatorTests
{
    [Fact]
    public void Invalid_patterns_and_negative_cache_sizes_are_refused_where_krakend_would_run_without_a_detector()
    {
        var errors = LoadErrors("""
            {"version": 3, "host": ["http://backend:8000"],
             "extra_config": {"security/bot-detector": {"patterns": ["ok.*", "(broken"], "cache_size": -1}},
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}],
               "extra_config": {"security/bot-detector": {"patterns": ["(?<!a)b"]}}}]}
            """);

        errors.Should().HaveCount(3);
        errors[0].Should().Be("extra_config.security/bot-detector.cache_size: must not be negative, got -1");
        errors[1].Should().StartWith("extra_config.security/bot-detector.patterns[1]: invalid regular expression '(broken': ");
        errors[2].Should().StartWith("endpoints[0].extra_config.security/bot-detector.patterns[0]: invalid regular expression '(?<!a)b': ");
    }

    [Fact]
    public void A_non_string_pattern_is_reported_once() =>
        LoadErrors("""{"version": 3, "extra_config": {"security/bot-detector": {"patterns": [1, "(broken"]}}}""").Should().Equal(
            "extra_config.security/bot-detector.patterns[0]: expected a string, got number 1");
}

using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class CorsOptionsValidatorTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(301)]
    [InlineData(404)]
    public void A_preflight_status_must_be_a_success(int status) =>
        LoadErrors("""{"version": 3, "extra_config": {"security/cors": {"options_success_status": """ + status + "}}}").Should().Equal(
            $"extra_config.security/cors.options_success_status: a preflight's status must be a success (200 to 299), got {status}");

    [Fact]
    public void An_origin_holds_one_wildcard_at_most() =>
        LoadErrors("""{"version": 3, "extra_config": {"security/cors": {"allow_origins": ["https://a.example", "https://*.*.example.com"]}}}""")
            .Should().Equal("extra_config.security/cors.allow_origins[1]: an origin may hold one wildcard '*', 'https://*.*.example.com' has more");

    [Fact]
    public void Origins_that_never_match_or_match_too_much_are_warned()
    {
        LoadWarnings("""
            {"version": 3, "extra_config": {"security/cors": {"allow_origins": ["https://app.example.com/", "https://app.example.com*",
              "http://localhost:*", "https://*.example.com"]}}}
            """).Should().Equal(
            "extra_config.security/cors.allow_origins[0]: 'https://app.example.com/' never matches: an origin is a scheme, a host and a port, "
                + "without a path or a final '/'",
            "extra_config.security/cors.allow_origins[1]: 'https://app.example.com*' also matches other hosts that start the same way "
                + "('https://app.example.com.evil.example'); put the wildcard before a domain instead, such as 'https://*.example.com'");
    }
}

using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class CorsCredentialsValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\"allow_origins\": [],")]
    [InlineData("\"allow_origins\": [\"*\"],")]
    [InlineData("\"allow_origins\": [\"https://app.example.com\", \"*\"],")]
    public void Credentials_with_every_origin_allowed_are_refused(string origins)
    {
        var errors = LoadErrors("""{"version": 3, "extra_config": {"security/cors": {""" + origins + """ "allow_credentials": true}}}""");

        errors.Should().ContainSingle().Which.Should().StartWith("extra_config.security/cors.allow_credentials: credentials need the allowed origins listed")
            .And.Contain("list the origins in allow_origins");
    }

    [Fact]
    public void Credentials_with_listed_origins_are_valid() =>
        LoadValid("""
            {"version": 3, "extra_config": {"security/cors": {"allow_origins": ["https://app.example.com", "https://*.example.org"], "allow_credentials": true}}}
            """).Cors!.AllowCredentials.Should().BeTrue();

    [Fact]
    public void Every_origin_without_credentials_is_valid() =>
        LoadValid("""{"version": 3, "extra_config": {"security/cors": {"allow_origins": ["*"]}}}""").Cors.Should().NotBeNull();
}

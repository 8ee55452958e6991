using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class HttpSecurityOptionsValidatorTests
{
    [Fact]
    public void Broken_values_are_refused_with_their_paths() =>
        LoadErrors("""
            {"version": 3, "extra_config": {"security/http": {"sts_seconds": -1, "ssl_host": "https://secure.example.com",
              "ssl_proxy_headers": {"X-Forwarded-Proto": ""}}}}
            """).Should().Equal(
            "extra_config.security/http.sts_seconds: must not be negative, got -1",
            "extra_config.security/http.ssl_host: must be a host name with an optional port (such as 'secure.example.com'), got 'https://secure.example.com'",
            "extra_config.security/http.ssl_proxy_headers.X-Forwarded-Proto: must not be empty: a request without the header would match it and pass for HTTPS");

    [Fact]
    public void Development_mode_is_warned() =>
        LoadWarnings("""{"version": 3, "extra_config": {"security/http": {"is_development": true}}}""").Should().Equal(
            "extra_config.security/http.is_development: development mode: no host check, no HTTPS redirect and no HSTS");

    [Fact]
    public void A_host_with_a_port_is_a_valid_ssl_host() =>
        LoadValid("""{"version": 3, "extra_config": {"security/http": {"ssl_redirect": true, "ssl_host": "secure.example.com:8443"}}}""")
            .HttpSecurity!.SslHost.Should().Be("secure.example.com:8443");
}

using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class AllowedHostsValidatorTests
{
    [Fact]
    public void An_invalid_host_expression_is_refused_with_its_path()
    {
        var errors = LoadErrors("""
            {"version": 3, "extra_config": {"security/http": {"allowed_hosts": ["api\\.example\\.com", "(broken", "a(?=b)"], "allowed_hosts_are_regex": true}}}
            """);

        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("extra_config.security/http.allowed_hosts[1]: invalid regular expression '^(broken$': ");
        errors[1].Should().StartWith("extra_config.security/http.allowed_hosts[2]: invalid regular expression '^a(?=b)$': ");
    }

    [Fact]
    public void Exact_hosts_are_not_compiled() =>
        LoadValid("""{"version": 3, "extra_config": {"security/http": {"allowed_hosts": ["(not a regex"]}}}""")
            .HttpSecurity!.AllowedHosts.Should().Equal("(not a regex");
}

using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class RateLimitValidatorTests
{
    private const string Router = "endpoints[0].extra_config.qos/ratelimit/router";

    [Theory]
    [InlineData(""" "max_rate": -1 """, Router + ".max_rate: must not be negative, got -1")]
    [InlineData(""" "max_rate": 1, "capacity": -2 """, Router + ".capacity: must not be negative, got -2")]
    [InlineData(""" "max_rate": 1, "every": "500ms" """, Router + ".every: must be at least 1s, got 500ms (write the rate for a longer window)")]
    [InlineData(""" "max_rate": 1, "every": "soon" """, Router + ".every: invalid duration \"soon\"")]
    [InlineData(""" "max_rate": 0 """, Router + ": sets neither 'max_rate' nor 'client_max_rate' above 0: it would limit nothing")]
    [InlineData(""" "capacity": 5 """, Router + ": sets neither 'max_rate' nor 'client_max_rate' above 0: it would limit nothing")]
    [InlineData(""" "max_rate": 1, "num_shards": -1 """, Router + ".num_shards: must be between 0 and 100000 (the most client buckets an endpoint keeps), got -1")]
    [InlineData(""" "max_rate": 1, "num_shards": 100001 """, Router + ".num_shards: must be between 0 and 100000 (the most client buckets an endpoint keeps), got 100001")]
    [InlineData(""" "max_rate": 1, "cleanup_period": "10ms" """, Router + ".cleanup_period: must be at least 1s, got 10ms")]
    [InlineData(""" "max_rate": 1, "cleanup_threads": 0 """, Router + ".cleanup_threads: must be at least 1, got 0")]
    [InlineData(""" "client_max_rate": 1 """,
        Router + ".strategy: unknown strategy '' with 'client_max_rate': expected ip, header, param or jwt, or clients would not be limited")]
    [InlineData(""" "client_max_rate": 1, "strategy": "claims" """,
        Router + ".strategy: unknown strategy 'claims' with 'client_max_rate': expected ip, header, param or jwt, or clients would not be limited")]
    [InlineData(""" "client_max_rate": 1, "strategy": "jwt" """, Router + ".key: the claim naming the client is required with strategy 'jwt'")]
    [InlineData(""" "client_max_rate": 1, "strategy": "jwt", "key": "sub" """,
        Router + ".strategy: strategy 'jwt' reads the claims of the token auth/validator accepts: the endpoint has no auth/validator")]
    [InlineData(""" "client_max_rate": 1, "strategy": "header" """, Router + ".key: the header naming the client is required with strategy 'header'")]
    [InlineData(""" "client_max_rate": 1, "strategy": "param", "key": "user" """,
        Router + ".key: 'user' is not a parameter of endpoint '/e' (strategy 'param')")]
    [InlineData(""" "client_max_rate": 1, "client_capacity": -1, "strategy": "ip" """, Router + ".client_capacity: must not be negative, got -1")]
    public void Router_limits_that_cannot_be_enforced_as_written_are_refused_with_their_path(string fields, string error) =>
        LoadErrors(ServiceWithEndpoint($$$""" "extra_config": {"qos/ratelimit/router": { {{{fields}}} }} """))
            .Should().ContainSingle().Which.Should().StartWith(error);

    [Theory]
    [InlineData(""" "client_max_rate": 1, "strategy": "IP" """)]
    [InlineData(""" "client_max_rate": 1, "strategy": "ip", "key": "X-Real-IP" """)]
    [InlineData(""" "client_max_rate": 1, "strategy": "Header", "key": "X-Key" """)]
    [InlineData(""" "max_rate": 1, "strategy": "unknown" """)]
    public void Valid_router_limits_load(string fields) =>
        LoadValid(ServiceWithEndpoint($$$""" "extra_config": {"qos/ratelimit/router": { {{{fields}}} }} """));

    [Fact]
    public void A_param_strategy_names_a_parameter_of_the_endpoint() =>
        LoadValid(Service("""
            {"endpoint": "/users/{user}", "backend": [{"url_pattern": "/b"}],
             "extra_config": {"qos/ratelimit/router": {"client_max_rate": 1, "strategy": "param", "key": "user"}}}
            """));

    [Theory]
    [InlineData(""" "max_rate": 0 """, ".max_rate: must be greater than zero, or the backend would take unlimited calls; got 0")]
    [InlineData(""" "capacity": 3 """, ".max_rate: must be greater than zero, or the backend would take unlimited calls; got 0")]
    [InlineData(""" "max_rate": 1, "capacity": -1 """, ".capacity: must not be negative, got -1")]
    [InlineData(""" "max_rate": 1, "every": "0s" """, ".every: must be greater than zero")]
    [InlineData(""" "max_rate": "fast" """, ".max_rate: expected a number, got string \"fast\"")]
    public void Proxy_limits_that_cannot_be_enforced_are_refused_with_their_path(string fields, string error) =>
        LoadErrors(ServiceWithAgentBackends($$$$"""{"url_pattern": "/b", "extra_config": {"qos/ratelimit/proxy": { {{{{fields}}}} }}}"""))
            .Should().Contain("async_agent[0].backend[0].extra_config.qos/ratelimit/proxy" + error);
}

using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>Namespaces: aliases, unsupported ones, and the raw objects kept for later stages.</summary>
public sealed class ExtraConfigSectionTests
{
    [Fact]
    public void Unsupported_namespaces_warn_at_every_level_and_are_kept_raw()
    {
        var result = ConfigLoader.Parse("""
            {"version": 3, "host": ["http://b"],
             "extra_config": {"security/cors": {"allow_origins": ["*"]}},
             "endpoints": [{"endpoint": "/e",
               "extra_config": {"auth/validator": {"alg": "RS256"}, "qos/ratelimit/router": {"max_rate": 5},
                                "github.com/devopsfaith/krakend-cel": [{"check_expr": "true"}]},
               "backend": [{"url_pattern": "/b",
                 "extra_config": {"qos/circuit-breaker": {"max_errors": 1}, "modifier/martian": {}}}]}]}
            """);

        result.Errors.Should().BeEmpty();
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "extra_config.security/cors: unsupported namespace 'security/cors' (ignored)",
            "endpoints[0].extra_config.auth/validator: unsupported namespace 'auth/validator' (ignored)",
            "endpoints[0].extra_config.qos/ratelimit/router: unsupported namespace 'qos/ratelimit/router' (ignored)",
            "endpoints[0].backend[0].extra_config.qos/circuit-breaker: unsupported namespace 'qos/circuit-breaker' (ignored)",
            "endpoints[0].backend[0].extra_config.modifier/martian: unsupported namespace 'modifier/martian' (ignored)");

        var config = result.Config!;
        config.ExtraConfig["security/cors"]!.ToJsonString().Should().Be("""{"allow_origins":["*"]}""");
        config.Endpoints[0].ExtraConfig.Select(p => p.Key).Should().Equal("auth/validator", "qos/ratelimit/router", "validation/cel");
        config.Endpoints[0].ExtraConfig["validation/cel"]!.ToJsonString().Should().Be("""[{"check_expr":"true"}]""");
        config.Endpoints[0].CelChecks.Should().Equal("true");
        config.Endpoints[0].Backends[0].ExtraConfig["qos/circuit-breaker"]!["max_errors"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void The_old_amqp_namespace_of_an_agent_is_read_as_async_amqp()
    {
        var result = ConfigLoader.Parse("""
            {"version": 3, "host": ["http://b"], "async_agent": [{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/x"}],
             "extra_config": {"github.com/devopsfaith/krakend-amqp/agent": {"host": "amqp://h", "name": "q", "exchange": "x"}}}]}
            """);

        result.Warnings.Should().BeEmpty();
        var agent = result.Config!.AsyncAgents[0];
        agent.ExtraConfig.Select(p => p.Key).Should().Equal("async/amqp");
        agent.Amqp!.Name.Should().Be("q");
    }

    [Fact]
    public void Alias_namespaces_are_read_as_their_short_names()
    {
        var result = ConfigLoader.Parse("""
            {"version": 3, "host": ["http://b"],
             "extra_config": {"github_com/luraproject/lura/router/gin": {"return_error_msg": true}},
             "endpoints": [{"endpoint": "/e",
               "extra_config": {"github.com/devopsfaith/krakend/proxy": {"sequential": true}},
               "backend": [{"url_pattern": "/b", "extra_config": {
                 "github.com/devopsfaith/krakend/proxy": {"shadow": true},
                 "github.com/devopsfaith/krakend/http": {"return_error_code": true}}}]}]}
            """);

        result.Warnings.Should().BeEmpty();
        var config = result.Config!;
        config.Router.ReturnErrorMessage.Should().BeTrue();
        config.ExtraConfig.Select(p => p.Key).Should().Equal("router");
        config.Endpoints[0].Proxy.Sequential.Should().BeTrue();
        config.Endpoints[0].ExtraConfig.Select(p => p.Key).Should().Equal("proxy");
        config.Endpoints[0].Backends[0].Proxy.Shadow.Should().BeTrue();
        config.Endpoints[0].Backends[0].Http.ReturnErrorCode.Should().BeTrue();
        config.Endpoints[0].Backends[0].ExtraConfig.Select(p => p.Key).Should().Equal("proxy", "backend/http");
    }

    [Theory]
    [InlineData("github.com/devopsfaith/krakend/proxy", "proxy")]
    [InlineData("github.com/devopsfaith/krakend/http", "backend/http")]
    [InlineData("github_com/luraproject/lura/router/gin", "router")]
    [InlineData("github.com/devopsfaith/krakend-amqp/agent", "async/amqp")]
    [InlineData("github.com/devopsfaith/krakend-cel", "validation/cel")]
    [InlineData("proxy", "proxy")]
    [InlineData("workflow", "workflow")]
    public void Aliases_normalise_to_short_names(string ns, string expected)
    {
        NamespaceAliases.Normalize(ns).Should().Be(expected);
    }

    [Fact]
    public void A_namespace_given_under_both_spellings_is_an_error()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"proxy": {}, "github.com/devopsfaith/krakend/proxy": {}}
            """)).Should().Equal(
            "endpoints[0].extra_config[\"github.com/devopsfaith/krakend/proxy\"]: namespace 'proxy' is given twice");
    }

    [Fact]
    public void A_typed_namespace_at_the_wrong_level_is_unsupported()
    {
        LoadWarnings(ServiceWithEndpoint("""
            "extra_config": {"backend/http": {"return_error_code": true}}
            """)).Should().Equal("endpoints[0].extra_config.backend/http: unsupported namespace 'backend/http' (ignored)");
    }

    [Fact]
    public void Extra_config_that_is_not_an_object_is_an_error()
    {
        LoadErrors(ServiceWithEndpoint("\"extra_config\": []")).Should().Equal(
            "endpoints[0].extra_config: expected an object, got array");
    }
}

using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Namespaces;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>Namespaces: aliases, unsupported ones, and the raw objects kept for later stages.</summary>
public sealed class ExtraConfigSectionTests
{
    [Fact]
    public void Namespaces_that_only_configure_a_convenience_warn_at_every_level_and_are_kept_raw()
    {
        var result = ConfigLoader.Parse("""
            {"version": 3, "host": ["http://b"],
             "extra_config": {"telemetry/newrelic": {"license": "x"}},
             "endpoints": [{"endpoint": "/e",
               "extra_config": {"documentation/openapi": {"summary": "E"},
                                "github.com/devopsfaith/krakend-cel": [{"check_expr": "true"}]},
               "backend": [{"url_pattern": "/b", "extra_config": {"telemetry/logging": {"level": "DEBUG"}}}]}]}
            """);

        result.Errors.Should().BeEmpty();
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "extra_config.telemetry/newrelic: unsupported namespace 'telemetry/newrelic' (New Relic) (ignored)",
            "endpoints[0].extra_config.documentation/openapi: unsupported namespace 'documentation/openapi' (OpenAPI documentation) (ignored)",
            "endpoints[0].backend[0].extra_config.telemetry/logging: unsupported namespace 'telemetry/logging' (log level and format) (ignored)");

        var config = result.Config!;
        config.ExtraConfig["telemetry/newrelic"]!.ToJsonString().Should().Be("""{"license":"x"}""");
        config.Endpoints[0].ExtraConfig.Select(p => p.Key).Should().Equal("documentation/openapi", "validation/cel");
        config.Endpoints[0].ExtraConfig["validation/cel"]!.ToJsonString().Should().Be("""[{"check_expr":"true"}]""");
        config.Endpoints[0].CelChecks.Should().Equal("true");
        config.Endpoints[0].Backends[0].ExtraConfig["telemetry/logging"]!["level"]!.GetValue<string>().Should().Be("DEBUG");
    }

    [Fact]
    public void Namespaces_that_protect_something_are_refused_at_every_level_under_any_name()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"],
             "extra_config": {"auth/api-keys": {"keys": []}},
             "endpoints": [{"endpoint": "/e",
               "extra_config": {"modifier/lua-endpoint": {}, "github_com/devopsfaith/bloomfilter": {"N": 5}},
               "backend": [{"url_pattern": "/b", "extra_config": {"auth/validatr": {}, "backend/lambda": {}}}]}]}
            """).Should().Equal(
            "extra_config.auth/api-keys: 'auth/api-keys' (API-key authentication) is not served by Switchyard: refused, because requests "
                + "would reach backends without an API key",
            "endpoints[0].extra_config.modifier/lua-endpoint: 'modifier/lua-endpoint' (Lua scripts on the endpoint) is not served by "
                + "Switchyard: refused, because the scripts would not run",
            "endpoints[0].extra_config.github_com/devopsfaith/bloomfilter: "
                + "'github_com/devopsfaith/bloomfilter' (revoked-token filter) is not served by Switchyard: refused, "
                + "because revoked tokens would still be accepted",
            "endpoints[0].backend[0].extra_config.auth/validatr: unknown namespace 'auth/validatr': refused, because a namespace of this "
                + "family protects something and this one would be ignored",
            "endpoints[0].backend[0].extra_config.backend/lambda: 'backend/lambda' (AWS Lambda backend) is not served by Switchyard: "
                + "refused, because the backend would be called over plain HTTP instead");
    }

    [Fact]
    public void An_unknown_namespace_outside_the_protective_families_warns()
    {
        LoadWarnings(ServiceWithEndpoint("""
            "extra_config": {"acme/notes": {"text": "x"}}
            """)).Should().Equal("endpoints[0].extra_config.acme/notes: unsupported namespace 'acme/notes' (ignored)");
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
        NamespaceCatalog.Normalize(ns).Should().Be(expected);
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
    public void A_namespace_at_a_level_that_does_not_serve_it_is_refused()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"backend/http": {"return_error_code": true}}
            """)).Should().Equal(
            "endpoints[0].extra_config.backend/http: 'backend/http' (backend error details and status codes) is served on backends "
                + "only, not on endpoints: refused, because backend errors would reach clients differently");
    }

    [Fact]
    public void Extra_config_that_is_not_an_object_is_an_error()
    {
        LoadErrors(ServiceWithEndpoint("\"extra_config\": []")).Should().Equal(
            "endpoints[0].extra_config: expected an object, got array");
    }
}

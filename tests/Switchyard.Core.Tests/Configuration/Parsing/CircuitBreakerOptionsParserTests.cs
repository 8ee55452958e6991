using Switchyard.Core.Resilience.CircuitBreaker;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class CircuitBreakerOptionsParserTests
{
    private const string Path = "endpoints[0].backend[0].extra_config.qos/circuit-breaker";

    [Fact]
    public void Every_key_is_read()
    {
        var breaker = LoadValid(ServiceWithBackend("""
            "extra_config": {"qos/circuit-breaker": {
              "interval": 60, "timeout": 10, "max_errors": 1, "name": "cb-users", "log_status_change": true}}
            """)).Endpoints[0].Backends[0].CircuitBreaker;

        breaker.Should().BeEquivalentTo(new CircuitBreakerOptions
        {
            Interval = 60, Timeout = 10, MaxErrors = 1, Name = "cb-users", LogStatusChange = true,
        });
    }

    [Fact]
    public void The_old_name_is_read_too()
    {
        LoadValid(ServiceWithBackend("""
            "extra_config": {"github.com/devopsfaith/krakend-circuitbreaker/gobreaker": {"interval": 1, "timeout": 2, "max_errors": 3}}
            """)).Endpoints[0].Backends[0].CircuitBreaker!.MaxErrors.Should().Be(3);
    }

    [Fact]
    public void Interval_timeout_and_max_errors_are_required()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"qos/circuit-breaker": {"name": "cb", "max_errors": null}}
            """)).Should().Equal(
            $"{Path}.interval: 'interval' is required",
            $"{Path}.timeout: 'timeout' is required",
            $"{Path}.max_errors: 'max_errors' is required");
    }

    [Fact]
    public void Seconds_are_whole_numbers_and_unknown_keys_are_refused()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"qos/circuit-breaker": {"interval": 1.5, "timeout": "10s", "max_errors": 1, "valid_status_codes": [200]}}
            """)).Should().Equal(
            $"{Path}.interval: expected an integer, got number 1.5",
            $"{Path}.timeout: expected an integer, got string \"10s\"",
            $"{Path}.valid_status_codes: unknown key 'valid_status_codes': refused, because it may configure a protection Switchyard does not enforce");
    }

    [Fact]
    public void It_is_served_on_the_backends_of_workflows_and_agents()
    {
        const string breaker = """{"url_pattern": "/b", "extra_config": {"qos/circuit-breaker": {"interval": 1, "timeout": 1, "max_errors": 0}}}""";

        LoadValid(ServiceWithWorkflow($$"""{"endpoint": "/w", "backend": [{{breaker}}]}"""))
            .Endpoints[0].Backends[0].Workflow!.Backends[0].CircuitBreaker.Should().NotBeNull();
        LoadValid(ServiceWithAgentBackends(breaker)).AsyncAgents[0].Pipe.Backends[0].CircuitBreaker.Should().NotBeNull();
    }

    [Fact]
    public void It_is_refused_on_an_endpoint()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"qos/circuit-breaker": {"interval": 1, "timeout": 1, "max_errors": 0}}
            """)).Should().ContainSingle().Which.Should().StartWith("endpoints[0].extra_config.qos/circuit-breaker: 'qos/circuit-breaker' (circuit breaker) is served on backends only");
    }
}

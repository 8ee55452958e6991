using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class CircuitBreakerValidatorTests
{
    [Fact]
    public void A_block_of_zeros_is_refused_instead_of_running_no_breaker()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"qos/circuit-breaker": {"interval": 0, "timeout": 0, "max_errors": 0}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.qos/circuit-breaker: every field is zero, which configures no circuit breaker at all: "
            + "set 'max_errors', 'interval' and 'timeout', or remove the namespace");
    }

    [Fact]
    public void Zeros_with_a_name_are_a_breaker_that_opens_on_the_first_failure()
    {
        LoadValid(ServiceWithBackend("""
            "extra_config": {"qos/circuit-breaker": {"interval": 0, "timeout": 0, "max_errors": 0, "name": "strict"}}
            """)).Endpoints[0].Backends[0].CircuitBreaker!.Name.Should().Be("strict");
    }

    [Fact]
    public void Negative_values_are_refused_at_any_depth()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x", "extra_config": {"qos/circuit-breaker":
              {"interval": -1, "timeout": -5, "max_errors": -1}}}]}
            """)).Should().Equal(
            $"{WorkflowPath}.backend[0].extra_config.qos/circuit-breaker.interval: must not be negative",
            $"{WorkflowPath}.backend[0].extra_config.qos/circuit-breaker.timeout: must not be negative",
            $"{WorkflowPath}.backend[0].extra_config.qos/circuit-breaker.max_errors: must not be negative");
    }
}

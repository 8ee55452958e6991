namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// A backend's <c>qos/circuit-breaker</c> must be able to trip. KrakenD runs no breaker for a block of zeros, never
/// trips one with a negative <c>max_errors</c> (it wraps to a huge unsigned count) and reads negative seconds as their
/// defaults: each is most likely a mistake in a protection, so each is refused here with its path.
/// </summary>
internal sealed class CircuitBreakerValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            foreach (var backend in endpoint.Backends)
            {
                if (backend.CircuitBreaker is not { } breaker)
                {
                    continue;
                }

                var path = JsonPaths.Property(JsonPaths.Property(backend.JsonPath, "extra_config"), NamespaceAliases.QosCircuitBreaker);
                if (breaker.IsZero)
                {
                    problems.Error(path, "every field is zero, which configures no circuit breaker at all: set 'max_errors', 'interval' "
                        + "and 'timeout', or remove the namespace");
                    continue;
                }

                NotNegative(problems, path, "interval", breaker.Interval);
                NotNegative(problems, path, "timeout", breaker.Timeout);
                NotNegative(problems, path, "max_errors", breaker.MaxErrors);
            }
        }
    }

    private static void NotNegative(ConfigProblems problems, string path, string key, int value)
    {
        if (value < 0)
        {
            problems.Error(JsonPaths.Property(path, key), "must not be negative");
        }
    }
}

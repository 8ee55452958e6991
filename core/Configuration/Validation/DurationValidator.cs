namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Timeouts must be positive and cache TTLs not negative. An endpoint value equal to the service's (a workflow
/// value equal to its parent's) was (most likely) inherited, and a bad inherited value is already reported where
/// it was written.
/// </summary>
internal sealed class DurationValidator : IConfigValidator
{
    private const string Positive = "must be greater than zero";
    private const string NotNegative = "must not be negative";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Timeout <= TimeSpan.Zero)
        {
            problems.Error("timeout", Positive);
        }

        if (config.CacheTtl < TimeSpan.Zero)
        {
            problems.Error("cache_ttl", NotNegative);
        }

        foreach (var node in EndpointNode.All(config))
        {
            var endpoint = node.Endpoint;
            var inheritedTimeout = node.Parent?.Endpoint.Timeout ?? config.Timeout;
            if (endpoint.Timeout <= TimeSpan.Zero && endpoint.Timeout != inheritedTimeout)
            {
                problems.Error(node.TimeoutPath, Positive);
            }

            if (endpoint.CacheTtl < TimeSpan.Zero && endpoint.CacheTtl != config.CacheTtl)
            {
                problems.Error(endpoint.JsonPath + ".cache_ttl", NotNegative);
            }

            foreach (var backend in endpoint.Backends)
            {
                if (backend.Proxy.ShadowTimeout <= TimeSpan.Zero)
                {
                    problems.Error(backend.JsonPath + ".extra_config.proxy.shadow_timeout", Positive);
                }
            }
        }
    }
}

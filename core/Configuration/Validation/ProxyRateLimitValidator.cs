namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every backend's <c>qos/ratelimit/proxy</c>, at any depth (endpoints, workflows, async agents), limits something:
/// <c>max_rate</c> above 0, <c>capacity</c> not negative and a positive <c>every</c>. On a backend that opens a workflow
/// the limit bounds the workflow's runs, as a breaker there counts its failures.
/// </summary>
internal sealed class ProxyRateLimitValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var backend in EndpointNode.AllEndpoints(config).SelectMany(endpoint => endpoint.Backends))
        {
            if (backend.RateLimit is not { } limit)
            {
                continue;
            }

            var path = NamespacePaths.Of(NamespaceAliases.QosRateLimitProxy, backend.JsonPath);
            if (limit.MaxRate <= 0)
            {
                problems.Error(path + ".max_rate", $"must be greater than zero, or the backend would take unlimited calls; got {limit.MaxRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            RateLimitRules.NotNegative(limit.Capacity, path + ".capacity", problems);
            if (limit.Every <= TimeSpan.Zero)
            {
                problems.Error(path + ".every", "must be greater than zero");
            }
        }
    }
}

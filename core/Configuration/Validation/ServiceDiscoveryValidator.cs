namespace Switchyard.Core.Configuration.Validation;

/// <summary>At every depth, only static service discovery (the hosts as listed) is served; DNS SRV lookups are not.</summary>
internal sealed class ServiceDiscoveryValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            foreach (var backend in endpoint.Backends)
            {
                if (backend.Sd != "static")
                {
                    problems.Error(backend.JsonPath + ".sd", $"service discovery '{backend.Sd}' is not supported (only static)");
                }
            }
        }
    }
}

namespace Switchyard.Core.Configuration.Validation;

/// <summary>Only static service discovery (the hosts as listed) is served; DNS SRV lookups are not.</summary>
internal sealed class ServiceDiscoveryValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
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

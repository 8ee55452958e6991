namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every endpoint and workflow has at least one backend, and every backend a <c>url_pattern</c> (a backend that opens
/// a workflow too: its pattern declares the workflow's variables).
/// </summary>
internal sealed class BackendsRequiredValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            var backendsPath = endpoint.JsonPath + ".backend";
            if (endpoint.Backends.Count == 0 && !problems.HasErrorAt(backendsPath))
            {
                problems.Error(backendsPath, "at least one backend is required");
            }

            foreach (var backend in endpoint.Backends)
            {
                var path = backend.JsonPath + ".url_pattern";
                if (backend.UrlPattern.Length == 0 && !problems.HasErrorAt(path))
                {
                    problems.Error(path, "required");
                }
            }
        }
    }
}

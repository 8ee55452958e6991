namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every <c>{x}</c> of a <c>url_pattern</c>, at any depth, has a value at run time (<see cref="PlaceholderScope"/>).
/// A workflow's <c>endpoint</c> declares variables for the level below, so its placeholders are checked like the
/// opening backend's <c>url_pattern</c>, one level up.
/// </summary>
internal sealed class UrlPatternParamsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var node in EndpointNode.All(config))
        {
            var scope = PlaceholderScope.For(node);
            var backends = node.Endpoint.Backends;
            for (var i = 0; i < backends.Count; i++)
            {
                var backend = backends[i];
                Check(backend.UrlPattern, backend.JsonPath + ".url_pattern", scope, i, problems);
                if (backend.Workflow is { } workflow)
                {
                    Check(workflow.Endpoint, workflow.JsonPath + ".endpoint", scope, i, problems);
                }
            }
        }
    }

    private static void Check(string template, string path, PlaceholderScope scope, int backendIndex, ConfigProblems problems)
    {
        foreach (var name in UrlPatternPlaceholders.Names(template))
        {
            if (!scope.Declares(name, backendIndex))
            {
                problems.Error(path, scope.Undefined(name));
            }
        }
    }
}

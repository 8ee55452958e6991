namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// A workflow's <c>endpoint</c> is required and starts with <c>/</c>. It is a name for logs and the place that
/// declares <c>{params}</c>, never a route: reserved paths, repeated names and parameters inside a segment
/// (<c>/w/{resp0_user.id}</c>) are all fine.
/// </summary>
internal sealed class WorkflowEndpointValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var node in EndpointNode.All(config))
        {
            if (!node.IsWorkflow)
            {
                continue;
            }

            var name = node.Endpoint.Endpoint;
            var path = node.Endpoint.JsonPath + ".endpoint";
            if (name.Length == 0)
            {
                if (!problems.HasErrorAt(path))
                {
                    problems.Error(path, "required: a name such as '/workflow/{param}'");
                }
            }
            else if (name[0] != '/')
            {
                problems.Error(path, $"'{name}' must start with '/'");
            }
        }
    }
}

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// A workflow's timeout cannot exceed its parent's: the parent stops waiting first, so the longer value would
/// only mislead.
/// </summary>
internal sealed class WorkflowTimeoutValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var node in EndpointNode.All(config))
        {
            if (node.Parent is { } parent && node.Endpoint.Timeout > parent.Endpoint.Timeout)
            {
                problems.Error(
                    node.Endpoint.JsonPath + ".timeout",
                    $"a workflow's timeout ({GoDurationFormat.Format(node.Endpoint.Timeout)}) must not exceed its parent's ({GoDurationFormat.Format(parent.Endpoint.Timeout)})");
            }
        }
    }
}

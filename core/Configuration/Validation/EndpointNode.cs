namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An endpoint at any depth: a published endpoint (<see cref="Parent"/> null) or the workflow that
/// <see cref="Owner"/>, a backend of <see cref="Parent"/>, opens.
/// </summary>
/// <param name="Endpoint">The endpoint or workflow.</param>
/// <param name="Parent">The endpoint or workflow holding <see cref="Owner"/>; null for a published endpoint.</param>
/// <param name="Owner">The backend whose <c>extra_config.workflow</c> this is; null for a published endpoint.</param>
internal sealed record EndpointNode(EndpointConfig Endpoint, EndpointNode? Parent, BackendConfig? Owner)
{
    public bool IsWorkflow => Parent is not null;

    /// <summary>The endpoints and workflows of <see cref="All"/>, for rules that treat every depth alike.</summary>
    public static IEnumerable<EndpointConfig> AllEndpoints(ServiceConfig config) => All(config).Select(node => node.Endpoint);

    /// <summary>
    /// Every endpoint of <paramref name="config"/> and every workflow nested in it, each published endpoint
    /// followed by its workflows, depth first, in file order.
    /// </summary>
    public static IEnumerable<EndpointNode> All(ServiceConfig config)
    {
        var pending = new Stack<EndpointNode>();
        for (var i = config.Endpoints.Count - 1; i >= 0; i--)
        {
            pending.Push(new EndpointNode(config.Endpoints[i], null, null));
        }

        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;

            var backends = node.Endpoint.Backends;
            for (var i = backends.Count - 1; i >= 0; i--)
            {
                if (backends[i].Workflow is { } workflow)
                {
                    pending.Push(new EndpointNode(workflow, node, backends[i]));
                }
            }
        }
    }
}

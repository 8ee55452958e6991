namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An endpoint at any depth: a published endpoint or an async agent's pipe (<see cref="Parent"/> null), or the
/// workflow that <see cref="Owner"/>, a backend of <see cref="Parent"/>, opens.
/// </summary>
/// <param name="Endpoint">The endpoint, agent pipe or workflow.</param>
/// <param name="Parent">The endpoint, pipe or workflow holding <see cref="Owner"/>; null at the top.</param>
/// <param name="Owner">The backend whose <c>extra_config.workflow</c> this is; null at the top.</param>
/// <param name="IsAgentPipe">True for the pipe of an async agent itself (not for the workflows inside it).</param>
internal sealed record EndpointNode(EndpointConfig Endpoint, EndpointNode? Parent, BackendConfig? Owner, bool IsAgentPipe = false)
{
    public bool IsWorkflow => Parent is not null;

    /// <summary>Where the file sets this node's timeout: an agent's is its <c>consumer.timeout</c>.</summary>
    public string TimeoutPath => Endpoint.JsonPath + (IsAgentPipe ? ".consumer.timeout" : ".timeout");

    /// <summary>The endpoints, pipes and workflows of <see cref="All"/>, for rules that treat every depth alike.</summary>
    public static IEnumerable<EndpointConfig> AllEndpoints(ServiceConfig config) => All(config).Select(node => node.Endpoint);

    /// <summary>
    /// Every endpoint of <paramref name="config"/>, then every async agent's pipe, each followed by the workflows nested
    /// in it, depth first, in file order.
    /// </summary>
    public static IEnumerable<EndpointNode> All(ServiceConfig config)
    {
        var pending = new Stack<EndpointNode>();
        for (var i = config.AsyncAgents.Count - 1; i >= 0; i--)
        {
            pending.Push(new EndpointNode(config.AsyncAgents[i].Pipe, null, null, IsAgentPipe: true));
        }

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

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// What a <c>{x}</c> may name in the <c>url_pattern</c>s of one endpoint's (or agent pipe's) backends, and in the
/// <c>endpoint</c> of a workflow one of those backends opens: both are filled from the same request at run time.
/// </summary>
internal abstract class PlaceholderScope
{
    /// <summary>The scope of <paramref name="node"/>'s backends.</summary>
    public static PlaceholderScope For(EndpointNode node) =>
        node.Owner is not null ? new WorkflowScope(node.Endpoint, node.Owner)
        : node.IsAgentPipe ? new AgentPipeScope()
        : new PublishedEndpointScope(node.Endpoint);

    /// <summary>True when <paramref name="name"/> has a value for the backend at <paramref name="backendIndex"/>.</summary>
    public abstract bool Declares(string name, int backendIndex);

    /// <summary>The message for <paramref name="name"/> when it is not declared.</summary>
    public virtual string Undefined(string name) => $"undefined output param '{name}'!";
}

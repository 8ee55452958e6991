using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration;

/// <summary>
/// Cascades the service into an async agent's pipe with the code endpoints use
/// (<see cref="ConfigCascade.ApplyToEndpoint"/>), as lura's <c>initAsyncAgents</c> does: the root hosts for backends
/// that have none (and cleaning of those that do), method GET for backends that give none, the consumer timeout (else
/// the service's) for the pipe and its backends.
/// </summary>
/// <remarks>
/// What does not flow down: the service's <c>cache_ttl</c> and <c>output_encoding</c>, which shape HTTP answers; an
/// agent answers nobody, and a root <c>no-op</c> would otherwise turn its backends into no-op ones.
/// </remarks>
internal static class AsyncAgentCascade
{
    public static AsyncAgentConfig Apply(AsyncAgentConfig agent, ServiceConfig root, ConfigProblems problems)
    {
        var defaults = new CascadeDefaults(root.Host, root.Timeout, TimeSpan.Zero, EncodingNames.Json);
        var pipe = ConfigCascade.ApplyToEndpoint(agent.Pipe, defaults, problems);
        return agent with { Pipe = pipe, Consumer = agent.Consumer with { Timeout = pipe.Timeout } };
    }
}

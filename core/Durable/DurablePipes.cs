using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Validation;

namespace Switchyard.Core.Durable;

/// <summary>
/// The durable pipes of a configuration and the backends their steps call, by JSON path: what a flow's history names,
/// so that any process of the task hub, loaded with the same configuration, can run any step of any flow.
/// </summary>
/// <remarks>
/// A flow started under one configuration and continued under another whose paths mean something else would call the
/// wrong backends: deploy a changed durable configuration under a new task hub, or once its flows have ended.
/// </remarks>
public sealed class DurablePipes
{
    private readonly Dictionary<string, EndpointConfig> _pipes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BackendConfig> _backends = new(StringComparer.Ordinal);

    public DurablePipes(ServiceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var node in EndpointNode.All(config).Where(node => node.Endpoint.IsDurable))
        {
            _pipes[node.Endpoint.JsonPath] = node.Endpoint;
            foreach (var backend in node.Endpoint.Backends)
            {
                _backends[backend.JsonPath] = backend;
                if (backend.Durable?.Compensate is { } compensate)
                {
                    _backends[compensate.JsonPath] = compensate;
                }
            }
        }
    }

    /// <summary>True when the configuration has a durable pipe.</summary>
    public bool Any => _pipes.Count > 0;

    /// <summary>The JSON paths of the durable pipes, in the configuration's order.</summary>
    public IEnumerable<string> Paths => _pipes.Keys;

    /// <summary>The pipe (endpoint, workflow or agent pipe) at <paramref name="path"/>.</summary>
    public EndpointConfig Pipe(string path) =>
        _pipes.TryGetValue(path, out var pipe) ? pipe : throw new DurableConfigurationException($"no durable pipe at {path} in this configuration");

    /// <summary>The backend (a step or a compensation) at <paramref name="path"/>.</summary>
    public BackendConfig Backend(string path) =>
        _backends.TryGetValue(path, out var backend) ? backend : throw new DurableConfigurationException($"no durable step at {path} in this configuration");
}

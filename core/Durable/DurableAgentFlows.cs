using System.Collections.Concurrent;
using System.Security.Cryptography;
using Switchyard.Core.Agents;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Durable;

/// <summary>
/// A durable agent's pipe: a message starts a flow of the agent's pipe and is acknowledged as soon as the start is
/// recorded in the task hub, not after the whole flow (which then survives any process). The flow's id derives from
/// the message's id, so a redelivered message — a consumer killed right after the start, before its ack — finds its
/// flow and starts none. The flows this process started are watched until they end, for the agent's health.
/// </summary>
public sealed class DurableAgentFlows
{
    // How often the flows still running are looked at.
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    // Watching costs a read per running flow and interval: beyond this many, flows are counted as started only.
    private const int MostWatched = 1000;

    private readonly AsyncAgentConfig _agent;
    private readonly DurableEngine _engine;
    private readonly Func<CancellationToken, Task<bool>> _waitReady;
    private readonly AgentStatus _status;
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <param name="agent">The durable agent.</param>
    /// <param name="engine">The engine its flows run on.</param>
    /// <param name="waitReady">Waits until the engine runs; false when it does not in time.</param>
    /// <param name="status">The agent's status, which gains its flow counts.</param>
    public DurableAgentFlows(AsyncAgentConfig agent, DurableEngine engine, Func<CancellationToken, Task<bool>> waitReady, AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        (_agent, _engine, _waitReady, _status) = (agent, engine, waitReady, status);
        status.Durable();
    }

    /// <summary>
    /// The pipe the agent's runner calls: a complete (empty) answer once the flow is started or found, so the message is
    /// acknowledged; a failure when the engine does not run, so the message goes back to its queue.
    /// </summary>
    public async ValueTask<ProxyResponse> StartAsync(ProxyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_agent.Pipe.JsonSchema?.Check(request.Body) is { } rejected)
        {
            // Refused before a flow is recorded for it: the runner dead-letters the message, as an in-memory pipe's would be.
            return ProxyResponse.Failed(rejected);
        }

        if (!await _waitReady(cancellationToken).ConfigureAwait(false))
        {
            return ProxyResponse.Failed("the durable engine is not running: the message stays in its queue");
        }

        var instanceId = InstanceIdOf(_agent.Name, request);
        var start = await _engine.StartFlowAsync(_agent.Pipe.JsonPath, MergeFailurePolicy.Partial, request, instanceId).ConfigureAwait(false);
        if (start.IsNew)
        {
            _status.FlowStarted();
            if (_running.Count < MostWatched)
            {
                _running.TryAdd(instanceId, 0);
            }
        }

        return ProxyResponse.Complete([]);
    }

    /// <summary>Looks at the flows still running until <paramref name="stopping"/> fires, counting those that end.</summary>
    public async Task WatchAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, stopping).ConfigureAwait(false);
                foreach (var instanceId in _running.Keys)
                {
                    if (await _engine.GetAsync(instanceId).ConfigureAwait(false) is { IsFinished: true } state && _running.TryRemove(instanceId, out _))
                    {
                        _status.FlowEnded(succeeded: state.RuntimeStatus == "Completed" && state.Response?.Error is null);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Storage unreachable for a while: the flows are looked at again next time.
                _status.Error($"durable flows cannot be looked at: {exception.Message}");
            }
        }
    }

    /// <summary>
    /// The flow id of a message: <c>agent:&lt;name&gt;:&lt;message id&gt;</c>, or with the SHA-256 of what the storage cannot
    /// hold as an id; a message without an id is named by the SHA-256 of its routing key and body.
    /// </summary>
    public static string InstanceIdOf(string agentName, ProxyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messageId = request.Headers.TryGetValue(AgentMessageRequest.IdHeader, out var ids) && ids.Length > 0 ? ids[0] : null;
        var key = messageId ?? Digest(
            string.Join('\n', request.Headers.TryGetValue(AgentMessageRequest.RoutingKeyHeader, out var keys) ? keys : []),
            request.Body.Span);
        var id = $"agent:{agentName}:{key}";
        return id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? id
            : "agent:" + Digest(id, []);
    }

    private static string Digest(string text, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

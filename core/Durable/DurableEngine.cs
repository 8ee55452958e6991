using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Durable;

/// <summary>
/// The Durable Task engine inside the gateway's process: a worker that runs flows and their steps (with every other
/// process on the same task hub), and the client that starts them, looks at them and ends them. Azure Storage holds
/// the flows (Azurite locally, the function app's Storage account in Azure); tests give it the engine's in-memory
/// service instead.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    // Every state a flow can be in: a start whose id exists in any of them starts nothing.
    private static readonly OrchestrationStatus[] AnyStatus = Enum.GetValues<OrchestrationStatus>();

    private readonly IOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;
    private readonly TimeSpan _statusPolling;
    private bool _started;

    /// <param name="service">The engine's store (Azure Storage, or the in-memory one in tests).</param>
    /// <param name="client">The same store's client side.</param>
    /// <param name="pipes">The configuration's durable pipes.</param>
    /// <param name="proxies">Builds each step's backend call, as for an in-memory pipe.</param>
    /// <param name="statusPolling">How often <see cref="WaitAsync"/> looks at a flow.</param>
    /// <param name="loggers">The engine's logs.</param>
    public DurableEngine(
        IOrchestrationService service,
        IOrchestrationServiceClient client,
        DurablePipes pipes,
        ProxyFactory proxies,
        TimeSpan statusPolling,
        ILoggerFactory loggers)
    {
        _service = service;
        _statusPolling = statusPolling;
        var step = new StepActivity(pipes, proxies);
        _worker = new TaskHubWorker(service, loggers);
        _worker.AddTaskOrchestrations(new NamedCreator<TaskOrchestration>(PipeOrchestration.Name, () => new PipeOrchestration(pipes)));
        _worker.AddTaskActivities(new NamedCreator<TaskActivity>(StepActivity.Name, () => step));
        _client = new TaskHubClient(client, loggerFactory: loggers);
    }

    /// <summary>The engine on Azure Storage, with the service's settings.</summary>
    public static DurableEngine OnAzureStorage(DurableEngineOptions options, DurablePipes pipes, ProxyFactory proxies, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var service = new AzureStorageOrchestrationService(DurableStorage.Settings(options, loggers));
        return new DurableEngine(service, service, pipes, proxies, options.StatusPolling, loggers);
    }

    /// <summary>Creates the task hub's queues, tables and blobs when they are missing, and starts the worker.</summary>
    public async Task StartAsync()
    {
        await _service.CreateIfNotExistsAsync().ConfigureAwait(false);
        await _worker.StartAsync().ConfigureAwait(false);
        _started = true;
    }

    /// <summary>
    /// Starts a flow of the pipe at <paramref name="pipePath"/> with <paramref name="instanceId"/>, unless a flow with
    /// that id exists in any state: the same id never starts a second flow. <paramref name="token"/> is the secret of
    /// its status URL, or null.
    /// </summary>
    public async Task<FlowStart> StartFlowAsync(string pipePath, MergeFailurePolicy policy, ProxyRequest request, string instanceId, string? token = null)
    {
        // Azure Storage refuses a start over a finished flow but not over a pending or running one: look first. Two starts
        // racing past this look still make one flow, as the engine drops a second start message for a running instance.
        if (await _client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false) is not null)
        {
            return new FlowStart(instanceId, IsNew: false);
        }

        try
        {
            await _client.CreateOrchestrationInstanceAsync(
                PipeOrchestration.Name, "", instanceId, PipeOrchestration.Input(pipePath, policy, request, token), tags: null, AnyStatus)
                .ConfigureAwait(false);
            return new FlowStart(instanceId, IsNew: true);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return new FlowStart(instanceId, IsNew: false);
        }
    }

    /// <summary>The flow's state now, or null when there is no flow with that id.</summary>
    public async Task<FlowState?> GetAsync(string instanceId)
    {
        var state = await _client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false);
        return state is null ? null : FlowState.From(state);
    }

    /// <summary>
    /// Waits until the flow ends or <paramref name="timeout"/> passes, looking every <c>status_polling</c> (the engine's
    /// own wait looks every 2 s); its state then (null when there is no such flow).
    /// </summary>
    public async Task<FlowState?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        FlowState? state = null;
        try
        {
            while (true)
            {
                state = await GetAsync(instanceId).ConfigureAwait(false);
                if (state is null || state.IsFinished)
                {
                    return state;
                }

                await Task.Delay(_statusPolling, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return state;
        }
    }

    /// <summary>
    /// Runs <paramref name="workflow"/>, a durable workflow an in-memory pipe opens, as a flow of its own (a new id) and
    /// answers its answer; cancelling stops the wait, not the flow. See <see cref="DurableWorkflowRunner"/>.
    /// </summary>
    public async ValueTask<ProxyResponse> RunWorkflowAsync(
        EndpointConfig workflow, MergeFailurePolicy policy, ProxyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var instanceId = Guid.NewGuid().ToString("N");
        await StartFlowAsync(workflow.JsonPath, policy, request, instanceId).ConfigureAwait(false);
        var state = await WaitAsync(instanceId, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return state?.Response ?? ProxyResponse.Failed($"the flow {instanceId} ended without an answer ({state?.RuntimeStatus}): {state?.Failure}");
    }

    /// <summary>Ends a running flow now, with <paramref name="reason"/> as its output.</summary>
    public Task TerminateAsync(string instanceId, string reason) =>
        _client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            _started = false;
            await _worker.StopAsync(isForced: true).ConfigureAwait(false);
        }

        _worker.Dispose();
    }
}

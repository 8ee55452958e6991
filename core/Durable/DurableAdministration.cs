using DurableTask.AzureStorage;
using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace Switchyard.Core.Durable;

/// <summary>
/// The operations side of a task hub: lists, shows, terminates and purges flows through the storage client alone. It
/// starts no worker, so it takes no partition and runs no step: it can run beside the gateways of the task hub (or while
/// none runs) without changing which process does the work.
/// </summary>
/// <remarks>
/// Like every client of the engine, the first call creates the task hub's queues, tables and containers when they are
/// missing (an empty task hub then lists no flow).
/// </remarks>
public sealed class DurableAdministration : IDisposable
{
    // A page of the instances table; Azure Table answers at most 1000 rows a request.
    private const int PageSize = 100;

    private static readonly OrchestrationStatus[] Finished =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];

    private static readonly OrchestrationStatus[] Unfinished =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended];

    private readonly AzureStorageOrchestrationService _service;

    /// <param name="options">The service's <c>switchyard/durable</c> engine: its connection (or
    /// <c>SWITCHYARD_DURABLE_CONNECTION</c>) and task hub.</param>
    /// <param name="loggers">The storage client's logs.</param>
    public DurableAdministration(DurableEngineOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        TaskHub = options.TaskHub;
        _service = new AzureStorageOrchestrationService(DurableStorage.Settings(options, loggers));
    }

    /// <summary>The task hub's name.</summary>
    public string TaskHub { get; }

    /// <summary>True when the engine has a connection: in the configuration or in <c>SWITCHYARD_DURABLE_CONNECTION</c>.</summary>
    public static bool HasConnection(DurableEngineOptions options) => DurableStorage.Connection(options).Length > 0;

    /// <summary>The newest flows that match <paramref name="query"/>, newest first, and how many match in all.</summary>
    public async Task<FlowListing> ListAsync(FlowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var condition = new OrchestrationInstanceStatusQueryCondition
        {
            RuntimeStatus = query.Statuses.Count > 0 ? query.Statuses : null,
            CreatedTimeFrom = query.CreatedAfter ?? default,
            FetchOutput = false,
        };

        // Azure Table keeps instances by id and cannot sort by time: every match is read, and only the newest kept.
        var newest = new List<FlowOverview>();
        var matched = 0;
        string? continuation = null;
        do
        {
            var page = await _service.GetOrchestrationStateAsync(condition, PageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var state in page.OrchestrationState)
            {
                matched++;
                newest.Add(FlowOverview.From(state));
            }

            if (newest.Count > (long)query.Top + PageSize)
            {
                newest = Newest(newest, query.Top);
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return new FlowListing(Newest(newest, query.Top), matched);
    }

    /// <summary>The flow with <paramref name="instanceId"/>, with its answer or failure, or null when there is none.</summary>
    public async Task<FlowOverview?> GetAsync(string instanceId)
    {
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: true).ConfigureAwait(false);
        return states.FirstOrDefault(state => state is not null) is { } found ? FlowOverview.From(found) : null;
    }

    /// <summary>
    /// Ends the flow, and its nested workflows still running, with <paramref name="reason"/> as the flow's output; the
    /// processes of the task hub apply it when they next run the flow. A finished flow is left as it is.
    /// </summary>
    /// <returns>The flow as it was before, or null when there is none.</returns>
    public async Task<FlowOverview?> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        var flow = await GetAsync(instanceId).ConfigureAwait(false);
        if (flow is null || flow.State.IsFinished)
        {
            return flow;
        }

        await _service.ForceTerminateTaskOrchestrationAsync(instanceId, reason).ConfigureAwait(false);

        // The engine ends a flow, not the sub-orchestrations it started, whose steps would go on calling backends. A
        // nested workflow's instance id starts with its parent's and a colon (FlowRun names them so).
        var nested = new OrchestrationInstanceStatusQueryCondition
        {
            InstanceIdPrefix = instanceId + ":",
            RuntimeStatus = Unfinished,
            FetchOutput = false,
        };
        string? continuation = null;
        do
        {
            var page = await _service.GetOrchestrationStateAsync(nested, PageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var child in page.OrchestrationState.Select(FlowOverview.From).Where(child => child.IsNested))
            {
                await _service.ForceTerminateTaskOrchestrationAsync(child.State.InstanceId, reason).ConfigureAwait(false);
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return flow;
    }

    /// <summary>
    /// Deletes the history and state of every finished flow (completed, failed, terminated, canceled) created before
    /// <paramref name="createdBefore"/> (UTC); flows still running are kept whatever their age.
    /// </summary>
    /// <returns>How many flows were deleted.</returns>
    public async Task<int> PurgeAsync(DateTime createdBefore)
    {
        var result = await _service.PurgeInstanceHistoryAsync(DateTime.MinValue, createdBefore, Finished).ConfigureAwait(false);
        return result.InstancesDeleted;
    }

    public void Dispose() => _service.Dispose();

    private static List<FlowOverview> Newest(List<FlowOverview> flows, int top) =>
        [.. flows.OrderByDescending(flow => flow.State.CreatedAt).ThenBy(flow => flow.State.InstanceId, StringComparer.Ordinal).Take(top)];
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Pipeline;

namespace Switchyard.Functions.Durable;

/// <summary>
/// Runs the durable engine for the life of the gateway. Storage that cannot be reached at start does not stop the
/// gateway (its other endpoints and agents serve on): the engine is started again with growing waits (1 s to 30 s), and
/// until it runs, durable endpoints answer 503 and durable agents leave their messages in the queue.
/// </summary>
internal sealed partial class DurableEngineHost(DurableEngine engine, ILogger<DurableEngineHost> logger) : IHostedService
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;

    public DurableEngine Engine => engine;

    /// <summary>Completes once the engine runs.</summary>
    public Task Ready => _ready.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(() => StartWithRetriesAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _starting.ConfigureAwait(false);
        await engine.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Waits until the engine runs; false when it does not before <paramref name="cancellationToken"/>.</summary>
    public async Task<bool> WaitReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The <see cref="DurableWorkflowRunner"/> of the gateway's in-memory pipes: a failed backend for their merge when the
    /// engine does not run (yet) or its storage fails, with the cause in the log.
    /// </summary>
    public async ValueTask<ProxyResponse> RunWorkflowAsync(
        EndpointConfig workflow, MergeFailurePolicy policy, ProxyRequest request, CancellationToken cancellationToken)
    {
        if (!await WaitReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            return ProxyResponse.Failed("the durable engine is not running yet");
        }

        try
        {
            return await engine.RunWorkflowAsync(workflow, policy, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            LogWorkflowNotRun(logger, workflow.JsonPath, exception.Message);
            return ProxyResponse.Failed("the durable engine is not available");
        }
    }

    private async Task StartWithRetriesAsync(CancellationToken stopping)
    {
        var wait = FirstWait;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await engine.StartAsync().ConfigureAwait(false);
                LogStarted(logger);
                _ready.TrySetResult();
                return;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                LogNotStarted(logger, wait.TotalSeconds, exception.Message);
            }

            try
            {
                await Task.Delay(wait, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "[DURABLE] The engine runs: durable pipes are served")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "[DURABLE] The engine cannot start (trying again in {Seconds} s): {Error}")]
    private static partial void LogNotStarted(ILogger logger, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "[DURABLE] The workflow {Workflow} could not run as a flow: {Error}")]
    private static partial void LogWorkflowNotRun(ILogger logger, string workflow, string error);
}

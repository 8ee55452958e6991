using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Agents;

/// <summary>
/// What an agent does with each delivered message: waits for a free worker and the rate limit, runs the message
/// through the agent's pipe within <c>consumer.timeout</c>, and settles it — ack after a complete response without
/// error; otherwise nack (requeue unless <c>nack_discard</c>), or dead-letter once the message reached
/// <c>max_deliveries</c> or is over <see cref="MaxMessageBytes"/>. With <c>max_deliveries</c> set, a message the pipe
/// refuses for what it is (a body that breaks the agent's <c>validation/json-schema</c>) is dead-lettered on its first
/// delivery: every redelivery would fail alike, so retrying only delays the operator seeing its reason. A message
/// interrupted by a lost connection or a shutdown is requeued: it is not to blame. The <see cref="AgentRunner"/> owns the connection around it.
/// Each message has its span (<see cref="AgentMessageSpan"/>): failed when the pipe failed, with the reason when the
/// message is dead-lettered, and the settlement as <c>switchyard.settlement</c>.
/// </summary>
internal sealed class AgentMessageHandler
{
    /// <summary>The largest message body that goes through the pipe; a larger one is dead-lettered.</summary>
    public const int MaxMessageBytes = 8 * 1024 * 1024;

    /// <summary>The dead-letter reason of a message over <see cref="MaxMessageBytes"/>.</summary>
    public const string OversizedReason = "oversized message";

    private static readonly ProxyError Incomplete = new("incomplete response");

    private readonly AsyncAgentConfig _agent;
    private readonly Proxy _pipe;
    private readonly AgentStatus _status;
    private readonly AgentMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly AgentLog? _log;
    private readonly AgentRateLimiter? _rate;
    private readonly SemaphoreSlim _workers;
    private readonly TimeSpan _timeout;
    private readonly bool _nackDiscard;
    private readonly CancellationToken _stopping;
    private readonly CancellationToken _aborting;
    private int _active;
    private TaskCompletionSource? _idle;

    /// <param name="agent">The agent.</param>
    /// <param name="pipe">Its pipe.</param>
    /// <param name="status">Where counters go.</param>
    /// <param name="options">Clock and log.</param>
    /// <param name="stopping">Fires when the runner stops taking messages (waiting ones go back).</param>
    /// <param name="aborting">Fires when the drain period is over (messages in the pipe are cancelled and go back).</param>
    public AgentMessageHandler(
        AsyncAgentConfig agent,
        Proxy pipe,
        AgentStatus status,
        AgentRunnerOptions options,
        CancellationToken stopping,
        CancellationToken aborting)
    {
        (_agent, _pipe, _status, _stopping, _aborting) = (agent, pipe, status, stopping, aborting);
        _metrics = new AgentMetrics(agent);
        _time = options.TimeProvider;
        _log = options.Log;
        _rate = AgentRateLimiter.For(agent.Consumer.MaxRate, _time);
        var workers = Math.Max(1, agent.Consumer.Workers);
        _workers = new SemaphoreSlim(workers, workers);
        _timeout = agent.Consumer.Timeout > TimeSpan.Zero ? agent.Consumer.Timeout : Timeout.InfiniteTimeSpan;
        _nackDiscard = agent.Amqp?.NackDiscard ?? false;
    }

    /// <summary>The <see cref="MessageHandler"/> given to the source.</summary>
    public async Task HandleAsync(AgentMessage message, CancellationToken connection)
    {
        using var span = AgentMessageSpan.Start(_agent, message);
        Interlocked.Increment(ref _active);
        try
        {
            if (message.Body.Length > MaxMessageBytes)
            {
                await DeadLetterAsync(message, OversizedReason, timing: default).ConfigureAwait(false);
                return;
            }

            if (!await TakeTurnAsync(connection).ConfigureAwait(false))
            {
                await SettleAsync(message, Outcome.Requeue).ConfigureAwait(false);
                return;
            }

            try
            {
                await ProcessAsync(message, connection).ConfigureAwait(false);
            }
            finally
            {
                _workers.Release();
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _active) == 0)
            {
                Volatile.Read(ref _idle)?.TrySetResult();
            }
        }
    }

    /// <summary>Waits for a free worker, then for the rate limit; false when the runner stops or the connection goes first.</summary>
    private async Task<bool> TakeTurnAsync(CancellationToken connection)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(connection, _stopping);
        try
        {
            await _workers.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            if (_rate is not null)
            {
                await _rate.WaitAsync(wait.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            _workers.Release();
            return false;
        }
    }

    private async Task ProcessAsync(AgentMessage message, CancellationToken connection)
    {
        ProxyError? failure;
        _status.MessageStarted();
        var timing = _metrics.EnteredPipe();
        try
        {
            using var deadline = new CancellationTokenSource(_timeout, _time);
            using var onLost = connection.UnsafeRegister(CancelSource, deadline);
            using var onAbort = _aborting.UnsafeRegister(CancelSource, deadline);
            failure = await RunPipeAsync(message, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            _status.MessageEnded();
            _metrics.LeftPipe(timing);
        }

        if (connection.IsCancellationRequested || _aborting.IsCancellationRequested)
        {
            // Interrupted, not failed: the message is not to blame, so it goes back whatever nack_discard says.
            await SettleAsync(message, Outcome.Requeue).ConfigureAwait(false);
            return;
        }

        if (failure is null)
        {
            if (await SettleAsync(message, Outcome.Ack).ConfigureAwait(false))
            {
                _status.Processed();
                _metrics.Settled(AgentMetrics.Succeeded, timing);
            }

            return;
        }

        _status.Failed(failure.Message);
        CurrentSpan.Fail(failure.Message);
        if (_agent.Consumer.MaxDeliveries > 0 && (failure.RejectsInput || message.DeliveryCount >= _agent.Consumer.MaxDeliveries))
        {
            await DeadLetterAsync(message, failure.Message, timing).ConfigureAwait(false);
            return;
        }

        Log(AgentLogLevel.Debug, $"message '{message.Id}' failed (delivery {message.DeliveryCount}): {failure.Message}");
        if (await SettleAsync(message, _nackDiscard ? Outcome.Discard : Outcome.Requeue).ConfigureAwait(false))
        {
            _metrics.Settled(AgentMetrics.Failed, timing);
        }
    }

    /// <summary>Runs the pipe; null on success, else the failure.</summary>
    private async Task<ProxyError?> RunPipeAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        ProxyResponse? response = null;
        try
        {
            response = await _pipe(AgentMessageRequest.Create(message, _agent.Pipe.Endpoint), cancellationToken).ConfigureAwait(false);
            return FailureOf(response);
        }
        catch (OperationCanceledException)
        {
            return ProxyError.DeadlineExceeded;
        }
        catch (Exception exception)
        {
            Log(AgentLogLevel.Warning, $"the pipe threw: {exception.Message}", exception);
            return new ProxyError(exception.Message);
        }
        finally
        {
            response?.Passthrough?.Dispose();
        }
    }

    /// <summary>
    /// Success is a complete response without error. A <c>no-op</c> backend's answer is never "complete" (it is not
    /// decoded), so there success is a 2xx status: acknowledging a message the backend answered 500 would lose it.
    /// </summary>
    private static ProxyError? FailureOf(ProxyResponse response) => response switch
    {
        { Error: { } error } => error,
        { Passthrough: { } passthrough } => passthrough.IsSuccessStatusCode ? null : new ProxyError($"invalid status code {(int)passthrough.StatusCode}"),
        { IsComplete: false } => Incomplete,
        _ => null,
    };

    private async Task DeadLetterAsync(AgentMessage message, string reason, AgentMessageTiming timing)
    {
        CurrentSpan.Fail("dead-lettered: " + reason);
        if (await SettleAsync(message, Outcome.DeadLetter, reason).ConfigureAwait(false))
        {
            _status.DeadLettered(reason);
            _metrics.Settled(AgentMetrics.DeadLettered, timing);
            Log(AgentLogLevel.Warning, $"message '{message.Id}' dead-lettered after {message.DeliveryCount} deliveries: {reason}");
        }
    }

    private async ValueTask<bool> SettleAsync(AgentMessage message, Outcome outcome, string reason = "")
    {
        CurrentSpan.Tag(SpanAttributes.Settlement, outcome switch
        {
            Outcome.Ack => "ack",
            Outcome.Requeue => "requeue",
            Outcome.Discard => "discard",
            _ => "dead_letter",
        });
        try
        {
            var settle = outcome switch
            {
                Outcome.Ack => message.Settlement.AckAsync(),
                Outcome.Requeue => message.Settlement.NackAsync(requeue: true),
                Outcome.Discard => message.Settlement.NackAsync(requeue: false),
                _ => message.Settlement.DeadLetterAsync(reason),
            };
            await settle.ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
        {
            // Usually the connection went meanwhile: the message is still the broker's, which delivers it again.
            Log(AgentLogLevel.Warning, $"could not settle message '{message.Id}' ({outcome}): {exception.Message}");
            return false;
        }
    }

    /// <summary>True when no handler is running (now, or before <paramref name="cancellationToken"/> fires).</summary>
    public async Task<bool> WaitIdleAsync(CancellationToken cancellationToken)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idle, idle);
        if (Volatile.Read(ref _active) == 0)
        {
            return true;
        }

        try
        {
            await idle.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return Volatile.Read(ref _active) == 0;
        }
    }

    private static void CancelSource(object? source) => ((CancellationTokenSource)source!).Cancel();

    private void Log(AgentLogLevel level, string message, Exception? exception = null) => _log?.Invoke(level, _agent.Name, message, exception);

    private enum Outcome
    {
        Ack,
        Requeue,
        Discard,
        DeadLetter,
    }
}

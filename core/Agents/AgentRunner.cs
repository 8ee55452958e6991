using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Agents;

/// <summary>
/// Runs one async agent: connects to its broker with the agent's backoff, runs <c>workers</c> messages at a time
/// through the agent's pipe within <c>consumer.timeout</c> and <c>max_rate</c>, and settles each one: ack after a
/// complete response without error; otherwise nack (requeue unless <c>nack_discard</c>), or dead-letter once the
/// message reached <c>max_deliveries</c>. It reconnects when the connection is lost, pings the broker for the health
/// endpoint and keeps the agent's <see cref="AgentStatus"/>. A runner that gives up (too many retries) stops alone: it
/// never stops other agents or the HTTP server.
/// </summary>
/// <remarks>
/// The source calls the handler concurrently for up to <c>prefetch</c> = max(workers, <c>prefetch_count</c>) unsettled
/// messages; the runner lets <c>workers</c> of them into the pipe and keeps the others waiting, so a freed worker never
/// waits for the broker. A message that is still unsettled when the connection goes is the broker's to deliver again.
/// </remarks>
public sealed class AgentRunner : IAsyncDisposable
{
    /// <summary>The largest message body that goes through the pipe; a larger one is dead-lettered.</summary>
    public const int MaxMessageBytes = AgentMessageHandler.MaxMessageBytes;

    /// <summary>The dead-letter reason of a message over <see cref="MaxMessageBytes"/>.</summary>
    public const string OversizedReason = AgentMessageHandler.OversizedReason;

    /// <summary>The error of an agent that spent its <c>max_retries</c>, as KrakenD words it.</summary>
    public const string TooManyRetries = "too many retries";

    private static readonly TimeSpan MinHealthInterval = TimeSpan.FromSeconds(1);

    // After the drain deadline the pipes are cancelled; this bounds how long their nacks may take before the source is
    // closed anyway (closing gives unsettled messages back to the broker, so nothing is lost either way).
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(5);

    private readonly AsyncAgentConfig _agent;
    private readonly Func<IMessageSource> _connect;
    private readonly AgentHealthRegistry _health;
    private readonly TimeProvider _time;
    private readonly AgentLog? _log;
    private readonly Backoff _backoff;
    private readonly int _prefetch;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly AgentMessageHandler _handler;
    private Task? _run;
    private TimeSpan _drainTimeout;

    /// <summary>Creates the runner of <paramref name="agent"/>; <see cref="Start"/> starts it.</summary>
    /// <param name="agent">The agent's configuration.</param>
    /// <param name="pipe">The agent's pipe, built with <see cref="ProxyFactory.CreateEndpoint"/> from <see cref="AsyncAgentConfig.Pipe"/>.</param>
    /// <param name="connect">Makes a new, unstarted source for each connection attempt.</param>
    /// <param name="health">Where pings and the agent's status go.</param>
    /// <param name="options">Clock, log and randomness.</param>
    public AgentRunner(AsyncAgentConfig agent, Proxy pipe, Func<IMessageSource> connect, AgentHealthRegistry health, AgentRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(pipe);
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(health);
        options ??= new AgentRunnerOptions();
        (_agent, _connect, _health) = (agent, connect, health);
        _time = options.TimeProvider;
        _log = options.Log;
        _backoff = new Backoff(agent.Connection.BackoffStrategy, options.Random);
        _prefetch = Math.Max(Math.Max(1, agent.Consumer.Workers), agent.Amqp?.PrefetchCount ?? 0);
        Status = health.Status(agent.Name);
        _handler = new AgentMessageHandler(agent, pipe, Status, options, _stopping.Token, _aborting.Token);
    }

    /// <summary>The agent's name.</summary>
    public string Name => _agent.Name;

    /// <summary>The agent's live status (also in the health registry).</summary>
    public AgentStatus Status { get; }

    /// <summary>Completes when the runner has stopped, or gave up; it never faults.</summary>
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return _run ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>Starts connecting and consuming in the background; returns at once. Starting twice changes nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_run is null && !_stopping.IsCancellationRequested)
            {
                _run = Task.Run(RunAsync);
            }
        }
    }

    /// <summary>
    /// Stops gracefully: takes no more messages (those delivered but not started are given back), lets the ones in the
    /// pipe finish within <paramref name="drainTimeout"/>, then cancels the rest, which are given back too (requeued),
    /// and closes the connection.
    /// </summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        lock (_gate)
        {
            if (!_stopping.IsCancellationRequested)
            {
                _drainTimeout = drainTimeout > TimeSpan.Zero ? drainTimeout : TimeSpan.Zero;
            }
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopRequested.TrySetResult();
        await Completion.ConfigureAwait(false);
    }

    /// <summary>Stops without a drain period: messages in the pipe are cancelled and given back.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.Zero).ConfigureAwait(false);

    private async Task RunAsync()
    {
        var attempts = new ReconnectAttempts(_agent.Connection.MaxRetries);
        var connections = 0;
        while (!_stopping.IsCancellationRequested)
        {
            if (attempts.Exhausted)
            {
                Status.Error(TooManyRetries);
                Log(AgentLogLevel.Error, $"{TooManyRetries}: the agent stops after {attempts.Attempt} connection attempts");
                return;
            }

            try
            {
                await Task.Delay(_backoff.Delay(attempts.Attempt), _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await ConnectAsync().ConfigureAwait(false) is not { } source)
            {
                attempts.Failed();
                continue;
            }

            var connectedAt = _time.GetTimestamp();
            if (connections++ > 0)
            {
                Status.Reconnected();
            }

            Status.SetConnected(true);
            _health.Ping(Name);
            Log(AgentLogLevel.Information, "connected");

            var lost = await WatchAsync(source).ConfigureAwait(false);
            Status.SetConnected(false);
            if (lost is null)
            {
                await DrainAsync(source).ConfigureAwait(false);
                Log(AgentLogLevel.Information, "stopped");
                return;
            }

            Status.Error(lost);
            Log(AgentLogLevel.Warning, $"connection lost: {lost}");
            await CloseAsync(source).ConfigureAwait(false);
            attempts.Lost(_time.GetElapsedTime(connectedAt));
        }
    }

    private async Task<IMessageSource?> ConnectAsync()
    {
        IMessageSource? source = null;
        try
        {
            source = _connect();
            await source.StartAsync(_handler.HandleAsync, _prefetch, _stopping.Token).ConfigureAwait(false);
            return source;
        }
        catch (Exception exception)
        {
            if (!_stopping.IsCancellationRequested)
            {
                Status.Error(exception.Message);
                // Expected while a broker is down: one line, no stack trace.
                Log(AgentLogLevel.Warning, $"connection attempt failed: {exception.Message}");
            }

            if (source is not null)
            {
                await CloseAsync(source).ConfigureAwait(false);
            }

            return null;
        }
    }

    /// <summary>Pings until the connection is lost (its reason) or the runner is stopped (null).</summary>
    private async Task<string?> WatchAsync(IMessageSource source)
    {
        using var pings = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var pinging = PingAsync(source, pings.Token);
        await Task.WhenAny(source.Closed, _stopRequested.Task).ConfigureAwait(false);
        await pings.CancelAsync().ConfigureAwait(false);
        await pinging.ConfigureAwait(false);
        if (_stopping.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            return await source.Closed.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return exception.Message;
        }
    }

    private async Task PingAsync(IMessageSource source, CancellationToken cancellationToken)
    {
        var interval = _agent.Connection.HealthInterval > MinHealthInterval ? _agent.Connection.HealthInterval : MinHealthInterval;
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                bool alive;
                try
                {
                    alive = await source.PingAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    alive = false;
                }

                // A failed ping leaves the last time in place: a stale time is how /__health shows an outage.
                if (alive)
                {
                    _health.Ping(Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DrainAsync(IMessageSource source)
    {
        using (var deadline = new CancellationTokenSource(_drainTimeout, _time))
        {
            try
            {
                await source.StopConsumingAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log(AgentLogLevel.Warning, $"could not stop consuming: {exception.Message}", exception);
            }

            if (await _handler.WaitIdleAsync(deadline.Token).ConfigureAwait(false))
            {
                await CloseAsync(source).ConfigureAwait(false);
                return;
            }
        }

        await _aborting.CancelAsync().ConfigureAwait(false);
        using (var grace = new CancellationTokenSource(AbortGrace, _time))
        {
            if (!await _handler.WaitIdleAsync(grace.Token).ConfigureAwait(false))
            {
                Log(AgentLogLevel.Warning, "messages still unsettled at shutdown are given back to the broker");
            }
        }

        await CloseAsync(source).ConfigureAwait(false);
    }

    private async Task CloseAsync(IMessageSource source)
    {
        try
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log(AgentLogLevel.Warning, $"could not close the connection: {exception.Message}", exception);
        }
    }

    private void Log(AgentLogLevel level, string message, Exception? exception = null) => _log?.Invoke(level, Name, message, exception);
}

using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using Switchyard.Core.Agents;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Runs one subscription on its own connection and its own task, so a broker that is down, slow or refusing the
/// credentials only ever delays itself (Leek connected every subscription in turn, so one bad broker blocked all, #44).
/// It reconnects forever with exponential backoff and jitter (1 s, 2 s, 4 s … about two minutes at most; a
/// connection that lived a while starts the count over), and can be started and stopped at run time. The time from a
/// lost connection to the next one is a reconnect gap, counted in the status: on a Redis broker the events published
/// during a gap are lost.
/// </summary>
public sealed class FanOutSubscriptionRunner : IAsyncDisposable
{
    /// <summary>How long a stop waits for the batches in flight to be accepted.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly EventApiClient _api;
    private readonly TimeProvider _time;
    private readonly Backoff _backoff;
    private readonly AgentLog? _log;
    private readonly FanOutMeter _meter;
    private readonly SemaphoreSlim _control = new(1, 1);
    private CancellationTokenSource? _running;
    private Task _run = Task.CompletedTask;
    private volatile IFanOutSession? _session;
    private volatile FanOutState _state = FanOutState.Stopped;

    /// <param name="subscription">The subscription to run.</param>
    /// <param name="api">Posts the batches.</param>
    /// <param name="time">The clock of batch windows and backoff delays. <value>The default value is <see cref="TimeProvider.System"/>.</value></param>
    /// <param name="log">Receives connection and delivery events. <value>The default value is null (nothing logged).</value></param>
    /// <param name="random">The backoff jitter's source. <value>The default value is <see cref="Random.Shared"/>.</value></param>
    public FanOutSubscriptionRunner(Subscription subscription, EventApiClient api, TimeProvider? time = null, AgentLog? log = null, Func<double>? random = null)
    {
        Subscription = subscription ?? throw new ArgumentNullException(nameof(subscription));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _time = time ?? TimeProvider.System;
        _log = log;
        _backoff = new Backoff("exponential-jitter", random);
        _meter = new FanOutMeter(_time, subscription.Name);
    }

    public Subscription Subscription { get; }

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning => _running is not null;

    /// <summary>Starts consuming in the background; does nothing when already running.</summary>
    public async Task StartAsync()
    {
        await _control.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_running is not null)
            {
                return;
            }

            _running = new CancellationTokenSource();
            _state = FanOutState.Connecting;
            var token = _running.Token;
            _run = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>
    /// Stops consuming, sends what is batched and waits up to <see cref="StopGrace"/> for it to be accepted; anything
    /// not accepted by then stays in the broker's queue for the next start (AMQP) or goes to the dead-letter list (Redis,
    /// which keeps nothing).
    /// </summary>
    public async Task StopAsync()
    {
        await _control.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_running is not { } running)
            {
                return;
            }

            await running.CancelAsync().ConfigureAwait(false);
            await _run.ConfigureAwait(false);
            running.Dispose();
            _running = null;
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>What the runner is doing now.</summary>
    public FanOutStatus Status() => _meter.Snapshot(Subscription.Name, _state, _session?.Batcher, Subscription);

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _control.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempts = new ReconnectAttempts(0);
        while (!cancellationToken.IsCancellationRequested)
        {
            IFanOutSession? session = null;
            try
            {
                session = await OpenAsync(cancellationToken).ConfigureAwait(false);
                var openedAt = _time.GetUtcNow();
                _session = session;
                _state = FanOutState.Connected;
                _meter.Connected(openedAt);
                Log(AgentLogLevel.Information, "connected to " + BrokerUrl.Mask(Subscription.Broker), null);
                var reason = await session.Closed.WaitAsync(cancellationToken).ConfigureAwait(false);
                _meter.Disconnected(_time.GetUtcNow());
                _meter.Error("connection lost: " + reason);
                Log(AgentLogLevel.Warning, "connection lost: " + reason, null);
                if (!session.RedeliversAfterLoss)
                {
                    // What it holds exists nowhere else: the API still gets it before the session goes.
                    _state = FanOutState.Reconnecting;
                    await session.StopAsync(StopGrace).ConfigureAwait(false);
                }

                attempts.Lost(_time.GetUtcNow() - openedAt);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                if (session is not null)
                {
                    await session.StopAsync(StopGrace).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                var error = Describe(exception);
                _meter.Error(error);

                // The Redis client's messages may quote its configuration, password included: only the words above go out.
                Log(AgentLogLevel.Warning, error, exception is RedisException ? null : exception);
                attempts.Failed();
            }
            finally
            {
                _session = null;
                if (session is not null)
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            _state = FanOutState.Reconnecting;
            try
            {
                await Task.Delay(_backoff.Delay(attempts.Attempt), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _state = FanOutState.Stopped;
        _meter.Stopped();
        Log(AgentLogLevel.Information, "stopped", null);
    }

    private async Task<IFanOutSession> OpenAsync(CancellationToken cancellationToken) => Subscription.Transport switch
    {
        BrokerTransport.Redis => await RedisFanOutSession.OpenAsync(Subscription, _api, _time, _backoff, _meter, cancellationToken).ConfigureAwait(false),
        _ => await AmqpFanOutSession.OpenAsync(Subscription, _api, _time, _backoff, _meter, cancellationToken).ConfigureAwait(false),
    };

    /// <summary>What went wrong, in words for the status page; the broker URL (and its password) is never part of it.</summary>
    internal static string Describe(Exception exception)
    {
        if (BrokerProbe.IsRefusal(exception))
        {
            return "the broker refused the credentials";
        }

        if (BrokerProbe.TlsFailure(exception) is { } tls)
        {
            return "the broker is unreachable: the TLS handshake failed (" + tls.Message + ")";
        }

        return exception switch
        {
            BrokerUnreachableException { InnerException: { } cause } => "the broker is unreachable: " + cause.Message,
            RedisConnectionException redis => "the broker is unreachable: " + redis.FailureType,
            _ => "could not consume: " + exception.Message,
        };
    }

    private void Log(AgentLogLevel level, string message, Exception? exception) => _log?.Invoke(level, Subscription.Name, message, exception);
}

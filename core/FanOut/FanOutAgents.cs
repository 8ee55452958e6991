namespace Switchyard.Core.FanOut;

/// <summary>
/// Every fan-out subscription of the gateway and its runner: the static ones from the environment and the dynamic
/// ones of the <see cref="SubscriptionStore"/>, which can be added and removed at run time; the whole set is started,
/// stopped and restarted live, without restarting the process (Leek's agent had to be restarted through supervisor
/// to see a new subscription).
/// </summary>
/// <remarks>
/// Names are unique across both sources. A dynamic subscription whose name a static one already uses is not run (the
/// environment wins) and is reported through the log. A restart reloads the store, so an edit of the file is picked up.
/// </remarks>
public sealed class FanOutAgents : IAsyncDisposable
{
    private readonly IReadOnlyList<Subscription> _static;
    private readonly SubscriptionStore _store;
    private readonly EventApiClient _api;
    private readonly TimeProvider _time;
    private readonly Agents.AgentLog? _log;
    private readonly Func<Subscription, CancellationToken, Task<BrokerCheck>> _check;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<Entry> _entries = [];

    // What readers see: a copy published after every change, so listing and status never wait behind a broker check.
    private Entry[] _published = [];
    private int _disposed;
    private bool _running;

    /// <param name="staticSubscriptions">From the environment (<see cref="SubscriptionSources.FromEnvironment"/>).</param>
    /// <param name="store">The dynamic subscriptions.</param>
    /// <param name="api">Posts the batches.</param>
    /// <param name="time">The runners' clock. <value>The default value is <see cref="TimeProvider.System"/>.</value></param>
    /// <param name="log">Receives the runners' events. <value>The default value is null.</value></param>
    /// <param name="check">Checks a new subscription's broker. <value>The default value is <see cref="BrokerProbe.CheckAsync"/>.</value></param>
    public FanOutAgents(
        IReadOnlyList<Subscription> staticSubscriptions,
        SubscriptionStore store,
        EventApiClient api,
        TimeProvider? time = null,
        Agents.AgentLog? log = null,
        Func<Subscription, CancellationToken, Task<BrokerCheck>>? check = null)
    {
        _static = staticSubscriptions ?? throw new ArgumentNullException(nameof(staticSubscriptions));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _time = time ?? TimeProvider.System;
        _log = log;
        _check = check ?? BrokerProbe.CheckAsync;
        Load();
    }

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning => Volatile.Read(ref _running);

    /// <summary>Every subscription with whether it is static.</summary>
    public IReadOnlyList<(Subscription Subscription, bool IsStatic)> Subscriptions()
    {
        return [.. Volatile.Read(ref _published).Select(entry => (entry.Runner.Subscription, entry.IsStatic))];
    }

    /// <summary>The live status of every subscription, in configuration order (static first).</summary>
    public IReadOnlyList<FanOutStatus> Statuses()
    {
        return [.. Volatile.Read(ref _published).Select(entry => entry.Runner.Status())];
    }

    public async Task StartAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            Volatile.Write(ref _running, true);
            foreach (var entry in _entries)
            {
                await entry.Runner.StartAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stops every runner, in parallel, each sending what it holds first.</summary>
    public async Task StopAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            Volatile.Write(ref _running, false);
            await Task.WhenAll(_entries.Select(entry => entry.Runner.StopAsync())).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stops everything, reloads the store and starts again.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await DisposeRunnersAsync().ConfigureAwait(false);
            Load();
        }
        finally
        {
            _lock.Release();
        }

        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>Checks the broker, saves <paramref name="subscription"/> in the store and starts it when the agents run.</summary>
    public async Task<AddOutcome> AddAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (Volatile.Read(ref _published).Any(entry => entry.Runner.Subscription.Name == subscription.Name))
        {
            return AddOutcome.Duplicate;
        }

        // The broker check can take seconds: it runs before the lock, so nothing else waits behind it.
        switch (await _check(subscription, cancellationToken).ConfigureAwait(false))
        {
            case BrokerCheck.CredentialsRefused:
                return AddOutcome.CredentialsRefused;
            case BrokerCheck.Unreachable:
                return AddOutcome.BrokerUnreachable;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_entries.Exists(entry => entry.Runner.Subscription.Name == subscription.Name))
            {
                return AddOutcome.Duplicate;
            }

            var dynamic = _entries.Where(entry => !entry.IsStatic).Select(entry => entry.Runner.Subscription).Append(subscription).ToList();
            await _store.SaveAsync(dynamic, cancellationToken).ConfigureAwait(false);
            var runner = NewRunner(subscription);
            _entries.Add(new Entry(runner, IsStatic: false));
            Publish();
            if (IsRunning)
            {
                await runner.StartAsync().ConfigureAwait(false);
            }

            return AddOutcome.Added;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stops the dynamic subscription <paramref name="name"/> and removes it from the store.</summary>
    public async Task<RemoveOutcome> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entry = _entries.Find(candidate => candidate.Runner.Subscription.Name == name);
            if (entry is null)
            {
                return RemoveOutcome.NotFound;
            }

            if (entry.IsStatic)
            {
                return RemoveOutcome.Static;
            }

            _entries.Remove(entry);
            Publish();
            await _store.SaveAsync([.. _entries.Where(other => !other.IsStatic).Select(other => other.Runner.Subscription)], cancellationToken)
                .ConfigureAwait(false);
            await entry.Runner.DisposeAsync().ConfigureAwait(false);
            return RemoveOutcome.Removed;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stops and releases everything; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        await DisposeRunnersAsync().ConfigureAwait(false);
        _lock.Dispose();
    }

    private void Load()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subscription in _static)
        {
            names.Add(subscription.Name);
            _entries.Add(new Entry(NewRunner(subscription), IsStatic: true));
        }

        foreach (var subscription in _store.Load())
        {
            if (names.Add(subscription.Name))
            {
                _entries.Add(new Entry(NewRunner(subscription), IsStatic: false));
            }
            else
            {
                _log?.Invoke(Agents.AgentLogLevel.Warning, subscription.Name, $"{_store.Path}: ignored, the environment defines a subscription with the same name", null);
            }
        }

        Publish();
    }

    private async Task DisposeRunnersAsync()
    {
        foreach (var entry in _entries)
        {
            await entry.Runner.DisposeAsync().ConfigureAwait(false);
        }

        _entries.Clear();
        Publish();
    }

    private void Publish() => Volatile.Write(ref _published, [.. _entries]);

    private FanOutSubscriptionRunner NewRunner(Subscription subscription) => new(subscription, _api, _time, _log);

    private sealed record Entry(FanOutSubscriptionRunner Runner, bool IsStatic);
}

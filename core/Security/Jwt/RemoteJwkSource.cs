namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// A key set downloaded from a <c>jwk_url</c> and kept fresh:
/// <list type="bullet">
/// <item>the first download starts with the source, in the background; until it succeeds there is no set (every token
/// is refused) and it is retried once per cooldown;</item>
/// <item>a set older than three quarters of its max age is refreshed in the background (a timer, and any request that
/// sees it), while requests go on using it;</item>
/// <item>a set older than its max age is used only while its refresh is under way; when that refresh fails the set is
/// dropped, so keys are never trusted long after the provider stopped confirming them;</item>
/// <item>a key id the set lacks starts a download unless one started less than a cooldown ago; concurrent callers share
/// one download.</item>
/// </list>
/// Every clock reading comes from the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RemoteJwkSource : IJwkKeySource, IAsyncDisposable
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    private readonly JwkSetFetcher _fetcher;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly JwtLog _log;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile JwkKeySet? _set;
    private Task<JwkKeySet?>? _inFlight;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private string _lastKeyIds = "";
    private Task _loop = Task.CompletedTask;

    public RemoteJwkSource(HttpClient client, Uri url, TimeSpan maxAge, TimeSpan cooldown, TimeProvider time, JwtLog log)
    {
        _client = client;
        _fetcher = new JwkSetFetcher(client, url, time);
        MaxAge = maxAge;
        Cooldown = cooldown;
        _time = time;
        _log = log;
    }

    /// <summary>How old the set may get; endpoints sharing the source keep the smallest value.</summary>
    public TimeSpan MaxAge { get; private set; }

    /// <summary>The least time between two downloads caused by unknown key ids or failures.</summary>
    public TimeSpan Cooldown { get; private set; }

    public Task Ready => _ready.Task;

    private TimeSpan RefreshAge => MaxAge * 3 / 4;

    /// <summary>Starts the first download and the refresh timer.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    /// <summary>Keeps the stricter of the current and the given settings (another endpoint shares the source).</summary>
    public void Tighten(TimeSpan maxAge, TimeSpan cooldown)
    {
        lock (_gate)
        {
            MaxAge = maxAge < MaxAge ? maxAge : MaxAge;
            Cooldown = cooldown < Cooldown ? cooldown : Cooldown;
        }
    }

    public JwkKeySet? Snapshot()
    {
        var set = _set;
        if (set is null)
        {
            return null;
        }

        var age = _time.GetUtcNow() - set.ReadAt;
        if (age < RefreshAge)
        {
            return set;
        }

        var refresh = StartDownload();
        return age < MaxAge || refresh is not null ? set : null;
    }

    public async ValueTask<JwkKeySet?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var download = StartDownload();
        return download is null ? _set : await download.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
        _client.Dispose();
    }

    /// <summary>The download under way, a new one when the cooldown since the last one has passed, or null.</summary>
    private Task<JwkKeySet?>? StartDownload()
    {
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                return _inFlight;
            }

            if (_stopping.IsCancellationRequested)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            if (now - _lastAttempt < Cooldown)
            {
                return null;
            }

            _lastAttempt = now;

            // On the thread pool, so the download's end (which takes the gate) never runs inside this lock.
            _inFlight = Task.Run(DownloadAsync);
            return _inFlight;
        }
    }

    // The download ends (the gate is free for the next one) before it is told, so whoever reads the log may start another.
    private async Task<JwkKeySet?> DownloadAsync()
    {
        JwkKeySet? result;
        Exception? failure = null;
        var downloaded = false;
        try
        {
            result = await _fetcher.FetchAsync(_stopping.Token).ConfigureAwait(false);
            _set = result;
            downloaded = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever went wrong (a JwkSetException says what), callers get the set as it now is, never an exception.
            failure = exception;
            result = _set;
            if (result is not null && _time.GetUtcNow() - result.ReadAt >= MaxAge)
            {
                _set = result = null;
            }
        }
        catch (OperationCanceledException)
        {
            // The gateway is stopping.
            result = _set;
        }

        lock (_gate)
        {
            _inFlight = null;
        }

        if (failure is not null)
        {
            _log(
                result is null ? JwtLogLevel.Error : JwtLogLevel.Warning,
                $"JWK set {_fetcher.Url}: {Describe(failure)}; " + (result is null ? "every token is refused until it can be downloaded" : "the keys downloaded before are kept"),
                failure);
        }
        else if (downloaded)
        {
            Report(result!);
        }

        _ready.TrySetResult();
        return result;
    }

    private static string Describe(Exception exception) =>
        exception is JwkSetException ? exception.Message : $"the download failed ({exception.GetType().Name}: {exception.Message})";

    private void Report(JwkKeySet set)
    {
        var keyIds = string.Join(", ", set.Keys.Select(key => key.Jwk.Kid));
        if (keyIds == _lastKeyIds)
        {
            return;
        }

        _lastKeyIds = keyIds;
        _log(JwtLogLevel.Information, $"JWK set downloaded from {_fetcher.Url}: {set.Keys.Count} key(s) [{keyIds}]", null);
        foreach (var skipped in set.Skipped)
        {
            _log(JwtLogLevel.Warning, $"JWK set {_fetcher.Url}: {skipped}", null);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await (StartDownload() ?? Task.FromResult<JwkKeySet?>(null)).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(NextDelay(), _time, cancellationToken).ConfigureAwait(false);
            var set = _set;
            if (set is null || _time.GetUtcNow() - set.ReadAt >= RefreshAge)
            {
                await (StartDownload() ?? Task.FromResult<JwkKeySet?>(null)).ConfigureAwait(false);
            }
        }
    }

    // Until the set is due for refresh, or (after a failure) until the cooldown allows another attempt.
    private TimeSpan NextDelay()
    {
        var now = _time.GetUtcNow();
        var set = _set;
        var due = set is null ? now : set.ReadAt + RefreshAge;
        var allowed = _lastAttempt + Cooldown;
        var delay = (due > allowed ? due : allowed) - now;
        return delay < MinimumDelay ? MinimumDelay : delay > MaxAge ? MaxAge : delay;
    }
}

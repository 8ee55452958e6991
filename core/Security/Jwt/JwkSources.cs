namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The key sources of a running gateway: one per distinct <c>jwk_url</c> and TLS settings, shared by every endpoint
/// that names it (with the shortest max age and cooldown they ask for), and one per <c>jwk_local_path</c>. Disposing it
/// stops every refresh.
/// </summary>
/// <param name="time">The clock of every cache.</param>
/// <param name="log">Where downloads and failures are told.</param>
/// <param name="userAgent">The <c>User-Agent</c> of the downloads.</param>
public sealed class JwkSources(TimeProvider time, JwtLog log, string userAgent) : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<string, IJwkKeySource> _sources = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// The source of <paramref name="options"/>, started when it is new. A source that cannot even be built (its CA file
    /// is unreadable) is an empty one: tokens are refused, and the reason is logged.
    /// </summary>
    public IJwkKeySource For(JwkSourceOptions options, TimeSpan maxAge, TimeSpan cooldown)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            if (_sources.TryGetValue(options.SharingKey, out var existing))
            {
                (existing as RemoteJwkSource)?.Tighten(maxAge, cooldown);
                return existing;
            }

            var source = Create(options, maxAge, cooldown);
            _sources.Add(options.SharingKey, source);
            return source;
        }
    }

    /// <summary>Stops every refresh (for hosts that dispose synchronously).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        List<IJwkKeySource> sources;
        lock (_gate)
        {
            sources = [.. _sources.Values];
            _sources.Clear();
        }

        foreach (var source in sources.OfType<IAsyncDisposable>())
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IJwkKeySource Create(JwkSourceOptions options, TimeSpan maxAge, TimeSpan cooldown)
    {
        if (options.Url is null)
        {
            return new LocalJwkSource(options.LocalPath ?? "", time, log);
        }

        HttpClient client;
        try
        {
            client = JwksHttpClientFactory.Create(options, userAgent);
        }
        catch (JwkSetException exception)
        {
            log(JwtLogLevel.Error, $"JWK set {options.Url}: {exception.Message}; every token is refused", exception);
            return new EmptyJwkSource();
        }

        var source = new RemoteJwkSource(client, options.Url, maxAge, cooldown, time, log);
        source.Start();
        return source;
    }

    /// <summary>A source that never has keys: the fail-closed answer to a source that cannot be built.</summary>
    private sealed class EmptyJwkSource : IJwkKeySource
    {
        public Task Ready => Task.CompletedTask;

        public JwkKeySet? Snapshot() => null;

        public ValueTask<JwkKeySet?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult<JwkKeySet?>(null);
    }
}

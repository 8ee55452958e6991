namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// A key set read once from <c>jwk_local_path</c> when the gateway starts. A file that cannot be read leaves it empty:
/// every token is refused and the reason is logged.
/// </summary>
internal sealed class LocalJwkSource : IJwkKeySource
{
    private readonly JwkKeySet? _set;

    public LocalJwkSource(string path, TimeProvider time, JwtLog log)
    {
        try
        {
            _set = JwkKeySet.Parse(File.ReadAllText(path), time.GetUtcNow());
            log(JwtLogLevel.Information, $"JWK set read from {path}: {_set.Keys.Count} key(s)", null);
            foreach (var skipped in _set.Skipped)
            {
                log(JwtLogLevel.Warning, $"JWK set {path}: {skipped}", null);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JwkSetException)
        {
            log(JwtLogLevel.Error, $"JWK set {path} cannot be read, every token will be refused: {exception.Message}", exception);
        }
    }

    public Task Ready => Task.CompletedTask;

    public JwkKeySet? Snapshot() => _set;

    public ValueTask<JwkKeySet?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_set);
}

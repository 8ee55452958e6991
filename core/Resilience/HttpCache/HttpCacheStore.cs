using System.Collections.Concurrent;
using Switchyard.Core.Security;

namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>
/// The responses of one cache (a backend definition's, or the process-wide shared one), least recently used first
/// out when <see cref="HttpCacheOptions.MaxItems"/> or <see cref="HttpCacheOptions.MaxSize"/> is reached, and the
/// backend calls in flight for its keys, so concurrent misses for one key make one call.
/// </summary>
internal sealed class HttpCacheStore(HttpCacheOptions options)
{
    private readonly LruCache<CachedResponse> _responses = new(options.MaxItems, options.MaxSize, static response => response.Weight);
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    /// <summary>The most bytes kept; a larger response is not even read into memory for the store.</summary>
    public long MaxSize => options.MaxSize;

    /// <summary>How many responses are stored.</summary>
    public int Count => _responses.Count;

    /// <summary>The bytes stored.</summary>
    public long Size => _responses.Weight;

    public bool TryGet(string key, out CachedResponse response) => _responses.TryGet(key, out response);

    /// <summary>Stores <paramref name="response"/>, unless it alone is larger than the store.</summary>
    public void Set(string key, CachedResponse response) => _responses.Add(key, response);

    public void Remove(string key) => _responses.Remove(key);

    /// <summary>
    /// Null when <paramref name="leader"/> is now the one call in flight for <paramref name="key"/> (it must then
    /// <see cref="Finish"/>), else the call already running, to wait for.
    /// </summary>
    public Task? JoinOrLead(string key, TaskCompletionSource leader)
    {
        while (true)
        {
            if (_inFlight.TryAdd(key, leader.Task))
            {
                return null;
            }

            if (_inFlight.TryGetValue(key, out var running))
            {
                return running;
            }
        }
    }

    /// <summary>Ends the call that <see cref="JoinOrLead"/> let <paramref name="leader"/> run.</summary>
    public void Finish(string key, TaskCompletionSource leader)
    {
        _inFlight.TryRemove(KeyValuePair.Create(key, leader.Task));
        leader.TrySetResult();
    }
}

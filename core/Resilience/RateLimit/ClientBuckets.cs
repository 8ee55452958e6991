using System.Security.Cryptography;

namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>
/// The buckets of one endpoint's clients, one per client key, bounded in memory whatever the clients send:
/// <list type="bullet">
/// <item>the keys are spread over shards, each with its own lock, so clients rarely wait on each other;</item>
/// <item>a cleanup, at most once per cleanup period and started by a request on a pool thread, forgets every bucket that
/// is full again: a full bucket and a new one behave alike, so forgetting it changes no answer;</item>
/// <item>a key longer than <see cref="MaxStoredKeyLength"/> characters is stored as its SHA-256, so a client cannot make
/// each bucket cost kilobytes with long header values;</item>
/// <item>a shard holds at most its share of <see cref="RouterRateLimitOptions.MaxClients"/> keys. A key that finds its
/// shard full shares that shard's overflow bucket, with the client rate and capacity, with every other such key until a
/// cleanup makes room: an attacker rotating keys gets one client's rate per shard, never unlimited traffic.</item>
/// </list>
/// </summary>
public sealed class ClientBuckets
{
    /// <summary>The longest key stored as it is; a longer one is stored as its SHA-256.</summary>
    public const int MaxStoredKeyLength = 128;

    private readonly Shard[] _shards;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _cleanupPeriod;
    private readonly int _cleanupThreads;
    private readonly int _keysPerShard;
    private long _lastCleanup;
    private int _cleaning;

    public ClientBuckets(RouterRateLimitOptions options, TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
        var rate = BucketRate.For(options.ClientMaxRate, options.Every, options.ClientBurst, time.TimestampFrequency);
        var shards = Math.Max(1, options.NumShards);
        _keysPerShard = Math.Max(1, options.MaxClients / shards);
        _shards = new Shard[shards];
        for (var i = 0; i < shards; i++)
        {
            _shards[i] = new Shard(rate);
        }

        _cleanupPeriod = (long)(options.CleanupPeriod.TotalSeconds * time.TimestampFrequency);
        _cleanupThreads = Math.Max(1, options.CleanupThreads);
    }

    /// <summary>How many client keys have a bucket of their own now.</summary>
    public int Count => _shards.Sum(shard => shard.Count);

    /// <summary>Takes one token from <paramref name="key"/>'s bucket; false when it is empty.</summary>
    public bool TryTake(string key)
    {
        var now = _time.GetTimestamp() - _origin;
        if (now - Volatile.Read(ref _lastCleanup) >= _cleanupPeriod)
        {
            StartCleanup(now);
        }

        if (key.Length > MaxStoredKeyLength)
        {
            key = "sha256:" + Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        }

        // string's hash is randomised per process: a client cannot aim its keys at one shard.
        var shard = _shards[(int)((uint)key.GetHashCode() % (uint)_shards.Length)];
        return shard.BucketOf(key, _keysPerShard).TryTake(now);
    }

    /// <summary>Forgets every bucket that is full at this instant; runs on the caller's thread.</summary>
    public void Cleanup()
    {
        var now = _time.GetTimestamp() - _origin;
        Parallel.ForEach(
            _shards,
            new ParallelOptions { MaxDegreeOfParallelism = _cleanupThreads },
            shard => shard.ForgetFull(now));
    }

    private void StartCleanup(long now)
    {
        if (Interlocked.Exchange(ref _cleaning, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _lastCleanup, now);
        ThreadPool.UnsafeQueueUserWorkItem(
            static self =>
            {
                try
                {
                    self.Cleanup();
                }
                finally
                {
                    Volatile.Write(ref self._cleaning, 0);
                }
            },
            this,
            preferLocal: false);
    }

    private sealed class Shard(BucketRate rate)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
        private readonly TokenBucket _overflow = new(rate);

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _buckets.Count;
                }
            }
        }

        public TokenBucket BucketOf(string key, int limit)
        {
            lock (_gate)
            {
                if (_buckets.TryGetValue(key, out var bucket))
                {
                    return bucket;
                }

                if (_buckets.Count >= limit)
                {
                    return _overflow;
                }

                bucket = new TokenBucket(rate);
                _buckets.Add(key, bucket);
                return bucket;
            }
        }

        public void ForgetFull(long now)
        {
            lock (_gate)
            {
                foreach (var (key, bucket) in _buckets)
                {
                    if (bucket.IsFullAt(now))
                    {
                        _buckets.Remove(key);
                    }
                }

                if (_buckets.Count == 0)
                {
                    _buckets.TrimExcess();
                }
            }
        }
    }
}

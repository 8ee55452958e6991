namespace Switchyard.Core.Security;

/// <summary>
/// A least-recently-used cache of string keys bounded by a number of entries and, optionally, by the total weight of
/// its values: when full, the entries used longest ago make room. Thread-safe. The bot detector keeps user-agent
/// verdicts in one, the JWT validator verified tokens, the backend HTTP cache responses (weighed in bytes).
/// </summary>
/// <typeparam name="TValue">What is kept for a key.</typeparam>
internal sealed class LruCache<TValue>
{
    private readonly int _capacity;
    private readonly long _maxWeight;
    private readonly Func<TValue, long>? _weigh;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries;
    private readonly LinkedList<Entry> _byRecency = new();
    private readonly Lock _lock = new();
    private long _weight;

    public LruCache(int capacity)
        : this(capacity, long.MaxValue, weigh: null)
    {
    }

    /// <summary>A cache of at most <paramref name="capacity"/> entries weighing at most <paramref name="maxWeight"/> together.</summary>
    /// <param name="capacity">The number of entries.</param>
    /// <param name="maxWeight">The total weight; a value heavier than this is never kept.</param>
    /// <param name="weigh">The weight of a value; null weighs nothing.</param>
    public LruCache(int capacity, long maxWeight, Func<TValue, long>? weigh)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWeight);
        _capacity = capacity;
        _maxWeight = maxWeight;
        _weigh = weigh;
        _entries = new Dictionary<string, LinkedListNode<Entry>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>How many entries are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The total weight of the entries held.</summary>
    public long Weight
    {
        get
        {
            lock (_lock)
            {
                return _weight;
            }
        }
    }

    public bool TryGet(string key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _byRecency.Remove(node);
                _byRecency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>, unless it alone outweighs the cache (false then, and the key is dropped).</summary>
    public bool Add(string key, TValue value)
    {
        var weight = _weigh?.Invoke(value) ?? 0;
        lock (_lock)
        {
            RemoveLocked(key);
            if (weight > _maxWeight)
            {
                return false;
            }

            while (_entries.Count >= _capacity || _weight + weight > _maxWeight)
            {
                RemoveLocked(_byRecency.Last!.Value.Key);
            }

            _entries[key] = _byRecency.AddFirst(new Entry(key, value, weight));
            _weight += weight;
            return true;
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(string key)
    {
        if (_entries.Remove(key, out var node))
        {
            _byRecency.Remove(node);
            _weight -= node.Value.Weight;
        }
    }

    private readonly record struct Entry(string Key, TValue Value, long Weight);
}

namespace Switchyard.Core.Security;

/// <summary>
/// A least-recently-used cache of string keys with a fixed number of entries: when full, the entry used longest ago
/// makes room. Thread-safe. The bot detector keeps user-agent verdicts in one, the JWT validator verified tokens.
/// </summary>
/// <typeparam name="TValue">What is kept for a key.</typeparam>
internal sealed class LruCache<TValue>
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _entries;
    private readonly LinkedList<(string Key, TValue Value)> _byRecency = new();
    private readonly Lock _lock = new();

    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<(string, TValue)>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
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

    public void Add(string key, TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _byRecency.Remove(existing);
                _entries.Remove(key);
            }
            else if (_entries.Count >= _capacity)
            {
                var oldest = _byRecency.Last!;
                _byRecency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[key] = _byRecency.AddFirst((key, value));
        }
    }
}

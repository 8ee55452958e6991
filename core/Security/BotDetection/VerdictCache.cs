namespace Switchyard.Core.Security.BotDetection;

/// <summary>
/// A least-recently-used cache of user agent → bot verdict with a fixed number of entries: when full, the entry used
/// longest ago makes room. Thread-safe.
/// </summary>
internal sealed class VerdictCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string UserAgent, bool IsBot)>> _entries;
    private readonly LinkedList<(string UserAgent, bool IsBot)> _byRecency = new();
    private readonly Lock _lock = new();

    public VerdictCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<(string, bool)>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>How many verdicts are held.</summary>
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

    public bool TryGet(string userAgent, out bool isBot)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(userAgent, out var node))
            {
                _byRecency.Remove(node);
                _byRecency.AddFirst(node);
                isBot = node.Value.IsBot;
                return true;
            }
        }

        isBot = false;
        return false;
    }

    public void Add(string userAgent, bool isBot)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(userAgent, out var existing))
            {
                _byRecency.Remove(existing);
                _entries.Remove(userAgent);
            }
            else if (_entries.Count >= _capacity)
            {
                var oldest = _byRecency.Last!;
                _byRecency.RemoveLast();
                _entries.Remove(oldest.Value.UserAgent);
            }

            _entries[userAgent] = _byRecency.AddFirst((userAgent, isBot));
        }
    }
}

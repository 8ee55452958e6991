using System.Diagnostics.CodeAnalysis;

namespace Switchyard.Functions.Routing;

/// <summary>
/// A node of a segment trie. Children are tried static first, then the parameter, then the catch-all, and a
/// failed branch backtracks: gin's precedence, where a static segment wins over a parameter at the same position.
/// </summary>
internal sealed class RouteNode<T>(string literal)
{
    private readonly Dictionary<string, RouteNode<T>> _statics = new(StringComparer.Ordinal);
    private Dictionary<string, RouteNode<T>>.AlternateLookup<ReadOnlySpan<char>> _staticLookup;

    /// <summary>The static text this node matched (empty for the root and parameter nodes).</summary>
    public string Literal { get; } = literal;

    /// <summary>The node reached through a parameter segment.</summary>
    public RouteNode<T>? Parameter { get; private set; }

    /// <summary>The route that ends exactly here.</summary>
    public Route<T>? Route { get; set; }

    /// <summary>The route whose final <c>/*</c> hangs from here.</summary>
    public Route<T>? CatchAll { get; set; }

    public IEnumerable<RouteNode<T>> Statics => _statics.Values;

    public RouteNode<T> GetOrAdd(RouteSegment segment)
    {
        if (segment.IsParameter)
        {
            return Parameter ??= new RouteNode<T>("");
        }

        if (!_statics.TryGetValue(segment.Text, out var child))
        {
            child = new RouteNode<T>(segment.Text);
            _statics.Add(segment.Text, child);
        }

        return child;
    }

    public bool TryGetStatic(ReadOnlySpan<char> segment, [NotNullWhen(true)] out RouteNode<T>? child)
    {
        if (_statics.Count == 0)
        {
            child = null;
            return false;
        }

        return _staticLookup.TryGetValue(segment, out child);
    }

    /// <summary>Prepares span lookups once the trie is complete; the table never changes afterwards.</summary>
    public void Freeze()
    {
        _staticLookup = _statics.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var child in _statics.Values)
        {
            child.Freeze();
        }

        Parameter?.Freeze();
    }
}

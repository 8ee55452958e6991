namespace Switchyard.Core.Pipeline;

/// <summary>
/// An <c>input_headers</c> / <c>input_query_strings</c> list: which names pass. <c>*</c> lets everything through.
/// </summary>
public sealed class NameFilter
{
    private const string Wildcard = "*";

    private readonly HashSet<string>? _names;

    private NameFilter(HashSet<string>? names) => _names = names;

    /// <summary>True when every name passes.</summary>
    public bool PassesAll => _names is null;

    /// <summary>The endpoint's header filter: an empty list lets only <c>Content-Type</c> through.</summary>
    public static NameFilter EndpointHeaders(IReadOnlyList<string> names) =>
        Create(names.Count == 0 ? ["Content-Type"] : names, StringComparer.OrdinalIgnoreCase);

    /// <summary>The endpoint's query filter: an empty list lets nothing through.</summary>
    public static NameFilter EndpointQuery(IReadOnlyList<string> names) => Create(names, StringComparer.Ordinal);

    /// <summary>A backend's second filter: an empty list adds no filtering (null).</summary>
    public static NameFilter? BackendHeaders(IReadOnlyList<string> names) =>
        names.Count == 0 ? null : Create(names, StringComparer.OrdinalIgnoreCase);

    /// <summary>A backend's second filter on the query: an empty list adds no filtering (null).</summary>
    public static NameFilter? BackendQuery(IReadOnlyList<string> names) =>
        names.Count == 0 ? null : Create(names, StringComparer.Ordinal);

    public bool Allows(string name) => _names is null || _names.Contains(name);

    /// <summary>The entries of <paramref name="values"/> whose name passes; the same instance when all pass.</summary>
    public IReadOnlyDictionary<string, string[]> Apply(IReadOnlyDictionary<string, string[]> values, IEqualityComparer<string> comparer)
    {
        if (_names is null)
        {
            return values;
        }

        Dictionary<string, string[]>? kept = null;
        var dropped = false;
        foreach (var (name, entry) in values)
        {
            if (_names.Contains(name) && entry.Length > 0)
            {
                (kept ??= new Dictionary<string, string[]>(comparer))[name] = entry;
            }
            else
            {
                dropped = true;
            }
        }

        return !dropped ? values : kept ?? (IReadOnlyDictionary<string, string[]>)new Dictionary<string, string[]>(comparer);
    }

    private static NameFilter Create(IReadOnlyList<string> names, StringComparer comparer) =>
        names.Contains(Wildcard) ? new NameFilter(null) : new NameFilter(new HashSet<string>(names, comparer));
}

namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A CEL map over a .NET dictionary with string keys (<c>req_params</c>, <c>req_headers</c>...), converting each
/// value when it is read. Lookups use the dictionary's own comparer.
/// </summary>
internal sealed class CelClrMap<T>(IReadOnlyDictionary<string, T> entries, Func<T, CelValue> convert) : ICelMap
{
    public int Count => entries.Count;

    public IEnumerable<CelValue> Keys
    {
        get
        {
            foreach (var key in entries.Keys)
            {
                yield return CelValue.FromString(key);
            }
        }
    }

    public bool TryGetValue(in CelValue key, out CelValue value)
    {
        if (key.Kind == CelValueKind.String && entries.TryGetValue(key.AsString, out var found))
        {
            value = convert(found);
            return true;
        }

        value = default;
        return false;
    }
}

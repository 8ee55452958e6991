namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A map built by the expression itself (<c>{'a': 1}</c>). Such maps are small, so lookups scan the entries with
/// CEL equality, which also makes <c>1</c>, <c>1u</c> and <c>1.0</c> the same key as CEL requires.
/// </summary>
internal sealed class CelLiteralMap(CelValue[] keys, CelValue[] values) : ICelMap
{
    public int Count => keys.Length;

    public IEnumerable<CelValue> Keys => keys;

    public bool TryGetValue(in CelValue key, out CelValue value)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (CelEquality.AreEqual(keys[i], key))
            {
                value = values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}

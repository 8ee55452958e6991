namespace Switchyard.Core.Policies.Cel;

/// <summary>A list of values already in CEL's model: list literals, concatenations and <c>map</c>/<c>filter</c> results.</summary>
internal sealed class CelValueList(CelValue[] items) : ICelList
{
    public static readonly CelValueList Empty = new([]);

    public int Count => items.Length;

    public CelValue this[int index] => items[index];
}

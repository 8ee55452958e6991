namespace Switchyard.Core.Policies.Cel;

/// <summary>A CEL list over a .NET list, converting each item when it is read.</summary>
internal sealed class CelClrList<T>(IReadOnlyList<T> items, Func<T, CelValue> convert) : ICelList
{
    public int Count => items.Count;

    public CelValue this[int index] => convert(items[index]);
}

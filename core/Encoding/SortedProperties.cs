using System.Buffers;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>
/// An object's properties in Go's map order (sorted keys), in a pooled array so that writing a response
/// does not allocate per object. Dispose to return the array.
/// </summary>
internal readonly struct SortedProperties : IDisposable
{
    private readonly KeyValuePair<string, JsonNode?>[] _rented;
    private readonly int _count;

    private SortedProperties(KeyValuePair<string, JsonNode?>[] rented, int count)
    {
        _rented = rented;
        _count = count;
    }

    public ReadOnlySpan<KeyValuePair<string, JsonNode?>> Items => _rented.AsSpan(0, _count);

    public static SortedProperties Of(JsonObject value)
    {
        var count = value.Count;
        var rented = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            rented[i] = value.GetAt(i);
        }

        rented.AsSpan(0, count).Sort(Utf8KeyOrder.ByKey);
        return new SortedProperties(rented, count);
    }

    public void Dispose() => ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(_rented, clearArray: true);
}

namespace Switchyard.Core.Policies.Cel;

/// <summary>A CEL map: looked up by key, so that a map supplied by the gateway is converted only where it is read.</summary>
internal interface ICelMap
{
    int Count { get; }

    /// <summary>The keys, in the map's own order; used by <c>in</c> over lists, equality and comprehensions.</summary>
    IEnumerable<CelValue> Keys { get; }

    /// <summary>Finds <paramref name="key"/>; a key of a kind the map cannot hold is simply absent.</summary>
    bool TryGetValue(in CelValue key, out CelValue value);
}

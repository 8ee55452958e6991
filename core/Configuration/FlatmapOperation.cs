namespace Switchyard.Core.Configuration;

/// <summary>One entry of <c>flatmap_filter</c>: <c>{"type":"move","args":["a.*.b","c"]}</c>.</summary>
/// <param name="Type"><c>move</c>, <c>del</c> or <c>append</c>.</param>
/// <param name="Args">The dot paths the operation works on; <c>*</c> matches any array index or key.</param>
public sealed record FlatmapOperation(string Type, IReadOnlyList<string> Args);

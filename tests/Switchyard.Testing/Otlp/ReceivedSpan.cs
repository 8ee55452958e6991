namespace Switchyard.Testing.Otlp;

/// <summary>One span as an OTLP exporter sent it, with ids as lower-case hex (as in <c>traceparent</c>).</summary>
/// <param name="TraceId">32 hex digits.</param>
/// <param name="SpanId">16 hex digits.</param>
/// <param name="ParentSpanId">16 hex digits, or empty for a root span.</param>
/// <param name="Name">The span's name.</param>
/// <param name="Kind">OTLP's kind: <c>SPAN_KIND_SERVER</c> and so on, without the prefix (<c>Server</c>).</param>
/// <param name="Status">OTLP's status code without the prefix: <c>Unset</c>, <c>Ok</c> or <c>Error</c>.</param>
/// <param name="Attributes">The span's attributes: strings, longs, doubles, booleans, or arrays of them.</param>
/// <param name="Resource">The attributes of the resource that sent it (<c>service.name</c> ...).</param>
/// <param name="Scope">The instrumentation scope's name (the <c>ActivitySource</c>).</param>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    string Kind,
    string Status,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyDictionary<string, object?> Resource,
    string Scope)
{
    /// <summary>The attribute <paramref name="key"/> as a string, or null when the span lacks it.</summary>
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

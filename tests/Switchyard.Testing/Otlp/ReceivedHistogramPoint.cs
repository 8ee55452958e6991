namespace Switchyard.Testing.Otlp;

/// <summary>One data point of a histogram as an OTLP exporter sent it.</summary>
/// <param name="Metric">The metric's name (<c>http.server.duration</c>).</param>
/// <param name="Unit">The metric's unit (<c>s</c>).</param>
/// <param name="Attributes">The point's attributes.</param>
/// <param name="Count">How many values the point holds.</param>
public sealed record ReceivedHistogramPoint(string Metric, string Unit, IReadOnlyDictionary<string, object?> Attributes, ulong Count);

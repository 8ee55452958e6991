namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary>
/// <c>layers.global</c>: the server span and metrics of each request, and the trace context read from it and sent on.
/// </summary>
public sealed record GlobalLayerOptions
{
    /// <summary>Record no request metrics.</summary>
    public bool DisableMetrics { get; init; }

    /// <summary>Start no server span.</summary>
    public bool DisableTraces { get; init; }

    /// <summary>Ignore a <c>traceparent</c> the client sends: every request starts a new trace.</summary>
    public bool DisablePropagation { get; init; }

    /// <summary>Put the request's and response's headers on the span (<c>http.request.header.*</c>).</summary>
    public bool ReportHeaders { get; init; }

    /// <summary>Headers never reported even with <see cref="ReportHeaders"/>.</summary>
    public IReadOnlyList<string> SkipHeaders { get; init; } = [];

    /// <summary>Attributes added to every request metric.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MetricsStaticAttributes { get; init; } = [];

    /// <summary>Attributes added to every server span.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TracesStaticAttributes { get; init; } = [];

    /// <summary>
    /// The semantic convention of the metric names: empty for KrakenD's default (<c>http.server.duration</c>), or
    /// <c>1.27</c> (<c>http.server.request.duration</c>).
    /// </summary>
    public string SemanticConvention { get; init; } = "";
}

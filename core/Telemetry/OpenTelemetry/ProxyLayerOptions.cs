namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary><c>layers.proxy</c>, or an endpoint's own <c>proxy</c>: the span and metrics of an endpoint's pipe.</summary>
public sealed record ProxyLayerOptions
{
    /// <summary>Record no pipe metrics.</summary>
    public bool DisableMetrics { get; init; }

    /// <summary>Start no pipe span.</summary>
    public bool DisableTraces { get; init; }

    /// <summary>Put the request's headers on the span.</summary>
    public bool ReportHeaders { get; init; }

    /// <summary>Headers never reported even with <see cref="ReportHeaders"/>.</summary>
    public IReadOnlyList<string> SkipHeaders { get; init; } = [];

    /// <summary>Attributes added to every pipe metric.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MetricsStaticAttributes { get; init; } = [];

    /// <summary>Attributes added to every pipe span.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TracesStaticAttributes { get; init; } = [];
}

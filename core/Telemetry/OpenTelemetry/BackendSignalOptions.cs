namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary><c>layers.backend.metrics</c> or <c>layers.backend.traces</c>: which parts of a backend call report.</summary>
public sealed record BackendSignalOptions
{
    /// <summary>Every part reported, no static attribute: what an absent object means.</summary>
    public static readonly BackendSignalOptions AllOn = new()
    {
        DisableStage = false, RoundTrip = true, ReadPayload = true, DetailedConnection = true,
    };

    /// <summary>Report nothing for the backend stage (the call as the pipe sees it).</summary>
    public bool DisableStage { get; init; }

    /// <summary>Report the HTTP round trip (the client call).</summary>
    public bool RoundTrip { get; init; }

    /// <summary>Report reading the response body.</summary>
    public bool ReadPayload { get; init; }

    /// <summary>Report the connection's parts (DNS, connect, TLS).</summary>
    public bool DetailedConnection { get; init; }

    /// <summary>Put the request's headers on the span (traces only).</summary>
    public bool ReportHeaders { get; init; }

    /// <summary>Headers never reported even with <see cref="ReportHeaders"/> (traces only).</summary>
    public IReadOnlyList<string> SkipHeaders { get; init; } = [];

    /// <summary>Attributes added to every backend span or metric.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StaticAttributes { get; init; } = [];
}

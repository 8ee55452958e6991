namespace Switchyard.Core.Telemetry.OpenTelemetry;

/// <summary>
/// <c>layers.backend</c>, or a backend's own: its <c>metrics</c> and <c>traces</c>. As in KrakenD, an absent object
/// switches every flag on, and a present one leaves the flags it does not name off.
/// </summary>
public sealed record BackendLayerOptions
{
    /// <summary>The backend calls' metrics.</summary>
    public BackendSignalOptions Metrics { get; init; } = BackendSignalOptions.AllOn;

    /// <summary>The backend calls' spans.</summary>
    public BackendSignalOptions Traces { get; init; } = BackendSignalOptions.AllOn;
}

using OpenTelemetry.Metrics;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// What every metrics pipeline of the gateway (OTLP, Application Insights, each Prometheus listener) subscribes to: the
/// meters, and the instruments of theirs that are dropped (a dropped instrument is never enabled, so it costs nothing).
/// </summary>
/// <param name="Meters">The meters' names.</param>
/// <param name="Dropped">Instruments of those meters that are not exported.</param>
internal sealed record MeterSelection(string[] Meters, string[] Dropped)
{
    /// <summary>Subscribes <paramref name="metrics"/>.</summary>
    public MeterProviderBuilder AddTo(MeterProviderBuilder metrics)
    {
        metrics.AddMeter(Meters);
        foreach (var instrument in Dropped)
        {
            metrics.AddView(instrument, MetricStreamConfiguration.Drop);
        }

        return metrics;
    }
}

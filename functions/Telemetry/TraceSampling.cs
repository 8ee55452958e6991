using OpenTelemetry.Trace;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// KrakenD's sampler: a rate strictly between 0 and 1 keeps that share of new traces and follows the caller's decision
/// for continued ones; any other rate (0 included) keeps everything.
/// </summary>
internal static class TraceSampling
{
    public static Sampler For(double rate) =>
        rate is > 0 and < 1 ? new ParentBasedSampler(new TraceIdRatioBasedSampler(rate)) : new AlwaysOnSampler();
}

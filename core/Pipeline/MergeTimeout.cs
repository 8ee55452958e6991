namespace Switchyard.Core.Pipeline;

/// <summary>The share of the endpoint timeout a merge may use, as KrakenD reserves the rest for rendering.</summary>
internal static class MergeTimeout
{
    public static TimeSpan Of(TimeSpan endpointTimeout) => endpointTimeout * 0.85;
}

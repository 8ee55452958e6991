using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>One endpoint of the hedging experiment on the heavy-tail backend: how its calls are made.</summary>
/// <param name="Name">The curve's name in the CSV and the plot (no spaces).</param>
/// <param name="Path">The gateway path.</param>
/// <param name="Description">The row's name in the report.</param>
/// <param name="Delay">The hedge delay, or null when the endpoint does not hedge.</param>
/// <param name="EndpointKeys">The endpoint's keys that make it so.</param>
internal sealed record HedgingVariant(string Name, string Path, string Description, TimeSpan? Delay, string EndpointKeys)
{
    public const int Calls = 3;

    /// <summary>One call, all three at once, and three hedged after the backend's <paramref name="p90"/> and <paramref name="p95"/>.</summary>
    public static IReadOnlyList<HedgingVariant> All(TimeSpan p90, TimeSpan p95) =>
    [
        new("one-call", "/hedge/one", "1 call", null, "\"concurrent_calls\": 1"),
        new("all-at-once", "/hedge/all", $"{Calls} calls at once (`concurrent_calls` {Calls})", null, $"\"concurrent_calls\": {Calls}"),
        Hedged("hedged-p90", "/hedge/p90", "p90", p90),
        Hedged("hedged-p95", "/hedge/p95", "p95", p95),
    ];

    private static HedgingVariant Hedged(string name, string path, string percentile, TimeSpan delay)
    {
        var microseconds = ((long)delay.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        return new(
            name,
            path,
            $"hedged, up to {Calls}, delay = backend {percentile}",
            delay,
            $$"""
            "extra_config": {"switchyard/hedging": {"delay": "{{microseconds}}us", "max_calls": {{Calls}} } }
            """);
    }
}

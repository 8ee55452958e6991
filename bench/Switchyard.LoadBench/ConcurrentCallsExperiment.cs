using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// <c>concurrent_calls</c> 1, 2 and 3 against the heavy-tail backend (90% 5 ms, 9% 50 ms, 1% 500 ms): the latency
/// distribution at few connections, and how many backend requests each gateway request cost (read from the backend's
/// <c>/__count</c> around the recorded run).
/// </summary>
internal static class ConcurrentCallsExperiment
{
    public static readonly int[] Calls = [1, 2, 3];

    public static async Task<List<ConcurrentCallsRun>> RunAsync(BenchOptions options, BenchServers servers, CancellationToken cancellationToken)
    {
        var runs = new List<ConcurrentCallsRun>();
        foreach (var calls in Calls)
        {
            var url = new Uri(servers.GatewayUrl, GatewayConfig.ConcurrentCalls(calls));
            var run = new ConcurrentCallsRun(calls, await HeavyTailRun.RecordAsync(url, servers.HeavyTailUrl, options, cancellationToken));
            runs.Add(run);
            Console.WriteLine(run.Run.Summary($"concurrent_calls {calls}"));
        }

        return runs;
    }

    /// <summary>Every percentile wrk reported, one line per point: <c>concurrent_calls,percentile,latency_ms</c>.</summary>
    public static Task WriteCdfAsync(string path, IReadOnlyList<ConcurrentCallsRun> runs) =>
        HeavyTailRun.WriteCdfAsync(path, "concurrent_calls", runs.Select(run => (run.Calls.ToString(CultureInfo.InvariantCulture), run.Run)));
}

/// <summary>One recorded run of the experiment.</summary>
internal sealed record ConcurrentCallsRun(int Calls, HeavyTailRun Run)
{
    public WrkResult Wrk => Run.Wrk;

    public string? Problem => Run.Problem;

    /// <summary>Backend requests per completed gateway request.</summary>
    public double LoadMultiplier => Run.LoadMultiplier;
}

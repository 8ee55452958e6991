using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchyard.LoadBench;

/// <summary>
/// <c>concurrent_calls</c> 1, 2 and 3 against the heavy-tail backend (90% 5 ms, 9% 50 ms, 1% 500 ms): the latency
/// distribution at few connections, and how many backend requests each gateway request cost (read from the backend's
/// <c>/__count</c> around the recorded run).
/// </summary>
internal static class ConcurrentCallsExperiment
{
    public static readonly int[] Calls = [1, 2, 3];

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<List<ConcurrentCallsRun>> RunAsync(BenchOptions options, BenchServers servers, CancellationToken cancellationToken)
    {
        var runs = new List<ConcurrentCallsRun>();
        foreach (var calls in Calls)
        {
            var url = new Uri(servers.GatewayUrl, GatewayConfig.ConcurrentCalls(calls));
            var problem = await AnswerCheck.ProblemAsync(url, "\"slow\"", expectCompleted: true, cancellationToken);
            await WrkRun.RunAsync(url, options.ConcurrentCallsConnections, options.Warmup, LatencyKind.PerRequest, cancellationToken);
            var before = await BackendCountAsync(servers.HeavyTailUrl, cancellationToken);
            var wrk = await WrkRun.RunAsync(
                url, options.ConcurrentCallsConnections, options.ConcurrentCallsDuration, LatencyKind.PerRequest, cancellationToken);
            var after = await BackendCountAsync(servers.HeavyTailUrl, cancellationToken);
            var run = new ConcurrentCallsRun(calls, wrk, after - before, problem);
            runs.Add(run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"concurrent_calls {calls}: {wrk.RequestsPerSecond:F0} rps  p50 {wrk.LatencyMs(50):F2} ms  p99 {wrk.LatencyMs(99):F2} ms  p99.9 {wrk.LatencyMs(99.9):F2} ms  backend load ×{run.LoadMultiplier:F2}  errors {wrk.Errors}"));
        }

        return runs;
    }

    /// <summary>Every percentile wrk reported, one line per point: <c>concurrent_calls,percentile,latency_ms</c>.</summary>
    public static async Task WriteCdfAsync(string path, IReadOnlyList<ConcurrentCallsRun> runs)
    {
        var csv = new StringBuilder("concurrent_calls,percentile,latency_ms\n");
        foreach (var run in runs)
        {
            foreach (var (percentile, microseconds) in run.Wrk.Percentiles)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{run.Calls},{percentile:0.##},{microseconds / 1000.0:0.###}\n");
            }
        }

        await File.WriteAllTextAsync(path, csv.ToString());
    }

    private static async Task<long> BackendCountAsync(Uri backend, CancellationToken cancellationToken)
    {
        await using var body = await Client.GetStreamAsync(new Uri(backend, "/__count"), cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("count").GetInt64();
    }
}

/// <summary>One recorded run of the experiment.</summary>
/// <param name="BackendRequests">Requests the heavy-tail backend received during the run (race losers included).</param>
/// <param name="Problem">What the check before the run found wrong with the endpoint's answer, if anything.</param>
internal sealed record ConcurrentCallsRun(int Calls, WrkResult Wrk, long BackendRequests, string? Problem)
{
    /// <summary>Backend requests per completed gateway request.</summary>
    public double LoadMultiplier => BackendRequests / (double)Wrk.Requests;
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchyard.LoadBench;

/// <summary>
/// One recorded run of an endpoint on the heavy-tail backend: the answer checked, an unrecorded warm-up, then
/// per-request latencies at few connections, with the backend's <c>/__count</c> read around the recorded part.
/// </summary>
/// <param name="BackendRequests">Requests the heavy-tail backend received during the run (race losers included).</param>
/// <param name="Problem">What the check before the run found wrong with the endpoint's answer, if anything.</param>
internal sealed record HeavyTailRun(WrkResult Wrk, long BackendRequests, string? Problem)
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Backend requests per completed gateway request.</summary>
    public double LoadMultiplier => BackendRequests / (double)Wrk.Requests;

    public static Task<HeavyTailRun> RecordAsync(Uri url, Uri heavyTail, BenchOptions options, CancellationToken cancellationToken) =>
        RecordAsync(url, heavyTail, options, options.ConcurrentCallsDuration, cancellationToken);

    /// <summary>A run of <paramref name="duration"/> (a slice of an interleaved experiment, say).</summary>
    public static async Task<HeavyTailRun> RecordAsync(
        Uri url, Uri heavyTail, BenchOptions options, TimeSpan duration, CancellationToken cancellationToken)
    {
        var problem = await AnswerCheck.ProblemAsync(url, "\"slow\"", expectCompleted: true, cancellationToken);
        await WrkRun.RunAsync(url, options.ConcurrentCallsConnections, options.Warmup, LatencyKind.PerRequest, cancellationToken);
        var before = await BackendCountAsync(heavyTail, cancellationToken);
        var wrk = await WrkRun.RunAsync(url, options.ConcurrentCallsConnections, duration, LatencyKind.PerRequest, cancellationToken);
        var after = await BackendCountAsync(heavyTail, cancellationToken);
        return new HeavyTailRun(wrk, after - before, problem);
    }

    /// <summary>Slices of one endpoint's run as one run; the first problem found, if any.</summary>
    public static HeavyTailRun Merge(IReadOnlyList<HeavyTailRun> slices) =>
        new(WrkResult.Merge([.. slices.Select(slice => slice.Wrk)]), slices.Sum(slice => slice.BackendRequests), slices.FirstOrDefault(slice => slice.Problem is not null)?.Problem);

    /// <summary>One line on the console while the benchmark runs.</summary>
    public string Summary(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {Wrk.RequestsPerSecond:F0} rps  p50 {Wrk.LatencyMs(50):F2} ms  p99 {Wrk.LatencyMs(99):F2} ms  p99.9 {Wrk.LatencyMs(99.9):F2} ms  backend load ×{LoadMultiplier:F2}  errors {Problem ?? Wrk.Errors}");

    /// <summary>Every percentile wrk reported, one line per point and curve: <c>&lt;keyName&gt;,percentile,latency_ms</c>.</summary>
    public static async Task WriteCdfAsync(string path, string keyName, IEnumerable<(string Key, HeavyTailRun Run)> curves)
    {
        var csv = new StringBuilder(keyName + ",percentile,latency_ms\n");
        foreach (var (key, run) in curves)
        {
            foreach (var (percentile, microseconds) in run.Wrk.Percentiles)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{key},{percentile:0.##},{microseconds / 1000.0:0.###}\n");
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

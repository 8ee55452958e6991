using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// <c>wrk -t2 -c&lt;C&gt; -d&lt;D&gt;s --latency -s summary.lua URL</c> (or, for per-request latencies, one thread per
/// connection and <c>per-request.lua</c>), and the figures its Lua hooks printed.
/// </summary>
internal static class WrkRun
{
    private const string Prefix = "sybench ";

    public static async Task<WrkResult> RunAsync(
        Uri url, int connections, TimeSpan duration, LatencyKind latency, CancellationToken cancellationToken)
    {
        var (threads, script) = latency == LatencyKind.WrkCorrected ? (2, "summary.lua") : (connections, "per-request.lua");
        var text = await RunWrkAsync(url, [$"-t{threads}", $"-c{connections}", $"-d{BenchOptions.Seconds(duration)}s", "--latency", "-s", Script(script), url.ToString()], cancellationToken);
        if (!text.Contains(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk against {url} printed no figures:\n{text}");
        }

        return Parse(text, latency);
    }

    /// <summary>Load on every path of one server in turn (<c>rotate.lua</c>), nothing recorded: the warm-up.</summary>
    public static Task WarmUpAsync(Uri server, IReadOnlyList<string> paths, int connections, TimeSpan duration, CancellationToken cancellationToken) =>
        RunWrkAsync(server, ["-t2", $"-c{connections}", $"-d{BenchOptions.Seconds(duration)}s", "-s", Script("rotate.lua"), server.ToString(), "--", .. paths], cancellationToken);

    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, name);

    private static async Task<string> RunWrkAsync(Uri url, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var run = await ProgramRun.RunAsync("wrk", arguments, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk against {url} failed (exit {run.ExitCode}):\n{run.Output}{run.Errors}");
        }

        return run.Output;
    }

    private static WrkResult Parse(string text, LatencyKind latency)
    {
        var values = new Dictionary<string, long>();
        var percentiles = new List<KeyValuePair<double, double>>();
        var histogram = new SortedDictionary<long, long>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line[Prefix.Length..].Trim().Split(' ');
            if (parts[0] == "percentile")
            {
                percentiles.Add(new(double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
            else if (parts[0] == "sample")
            {
                // Several threads may have seen the same latency: one line each.
                var microseconds = long.Parse(parts[1], CultureInfo.InvariantCulture);
                histogram[microseconds] = histogram.GetValueOrDefault(microseconds) + long.Parse(parts[2], CultureInfo.InvariantCulture);
            }
            else
            {
                values[parts[0]] = (long)double.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return new WrkResult
        {
            Requests = values["requests"],
            DurationSeconds = values["duration_us"] / 1e6,
            StatusErrors = values["errors_status"],
            SocketErrors = values["errors_connect"] + values["errors_read"] + values["errors_write"] + values["errors_timeout"],
            Latency = latency,
            Percentiles = latency == LatencyKind.WrkCorrected ? percentiles : PercentileGrid.Of(histogram),
            Histogram = histogram,
        };
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// <c>wrk -t2 -c&lt;C&gt; -d&lt;D&gt;s --latency -s summary.lua URL</c>, and the figures its Lua hook printed.
/// </summary>
internal static class WrkRun
{
    private const string Prefix = "sybench ";
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "summary.lua");

    public static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t2", $"-c{connections}", $"-d{BenchOptions.Seconds(duration)}s", "--latency", "-s", Script, url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"cannot run wrk ({error.Message}); bench/run.sh installs it.", error);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            var text = await output;
            if (process.ExitCode != 0 || !text.Contains(Prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"wrk against {url} failed (exit {process.ExitCode}):\n{text}{await errors}");
            }

            return Parse(text);
        }
    }

    private static WrkResult Parse(string text)
    {
        var values = new Dictionary<string, long>();
        var percentiles = new List<KeyValuePair<double, double>>();
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
            Percentiles = percentiles,
        };
    }
}

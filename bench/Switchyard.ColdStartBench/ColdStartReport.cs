using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchyard.ColdStartBench;

/// <summary>The results file: what was measured, on which machine, and one row per variant (median of the runs).</summary>
internal sealed class ColdStartReport(int runs, string loadBefore)
{
    private readonly List<(PublishedApp App, List<ColdStart> Starts)> _variants = [];

    public void Add(PublishedApp app, List<ColdStart> starts) => _variants.Add((app, starts));

    public string ToMarkdown(DateTimeOffset date)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# ColdStart — the packaged executable, Native AOT vs ReadyToRun")
            .AppendLine()
            .AppendLine("What it measures: starts of the packaged `app/switchyard` (self-contained linux-x64, as `switchyard package`")
            .AppendLine("publishes it), started as the Functions host starts a custom handler: `run -c krakend.json` in its folder with")
            .AppendLine("`FUNCTIONS_CUSTOMHANDLER_PORT`, on `examples/krakend.json` (its `async/memory` agent included). From just before")
            .AppendLine("the process starts: to readiness (the first answer, any status, to `GET /`, the host's probe), then to the first")
            .AppendLine("200 from `/__health`, both polled every 5 ms; the CPU time (user + system) used by then; and the resident set")
            .AppendLine("(`VmRSS`) after 2 s idle.")
            .AppendLine()
            .AppendLine("- **Native AOT**: `dotnet publish -c Release -r linux-x64 --self-contained -p:PublishAot=true` (what `package` ships;")
            .AppendLine("  the project file lays the methods a start runs out first, from `functions/Packaging/startup-order.txt`, and")
            .AppendLine("  relocates type data in place rather than expanding it at start).")
            .AppendLine("- **ReadyToRun**: the same with `-p:PublishAot=false -p:PublishReadyToRun=true` (`package --runtime r2r`, and what")
            .AppendLine("  `package` ships for a configuration with durable pipes).")
            .AppendLine()
            .AppendLine(invariant, $"Both variants are published in the same run, started once each unmeasured (disk cache), then {runs} times each,")
            .AppendLine("alternating (the order swapped every second run); the table shows the median (min–max in brackets).")
            .AppendLine("Targets: Native AOT median ≤ 60 ms to readiness, idle RSS ≤ 32 MiB.")
            .AppendLine()
            .AppendLine("Run: `dotnet run -c Release --project bench/Switchyard.ColdStartBench`")
            .AppendLine(invariant, $"on {date:yyyy-MM-dd} ({date:HH:mm} UTC), load average {loadBefore} before the starts and {CurrentLoad()} at the end")
            .AppendLine("(1, 5 and 15 minutes; other builds shared the 2 cores).")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(invariant, $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("| variant | start → ready (ms) | start → first 200 on /__health (ms) | CPU time by then (ms) | idle RSS (MiB) | published size (MB) |")
            .AppendLine("|---------|-------------------:|------------------------------------:|----------------------:|---------------:|--------------------:|");
        foreach (var (app, starts) in _variants)
        {
            text.AppendLine(invariant, $"| {app.Name} | {Cell(starts, s => s.Ready.TotalMilliseconds)} | {Cell(starts, s => s.Elapsed.TotalMilliseconds)} | "
                + $"{Cell(starts, s => s.Cpu.TotalMilliseconds)} | {Cell(starts, s => s.IdleRss / 1048576.0, "F1")} | {app.Size / 1e6:F1} |");
        }

        if (_variants.Count == 2)
        {
            var (first, second) = (_variants[0], _variants[1]);
            text.AppendLine()
                .Append(invariant, $"{first.App.Name} / {second.App.Name}: {Median(first.Starts, s => s.Ready.TotalMilliseconds) / Median(second.Starts, s => s.Ready.TotalMilliseconds):F2} of the time to readiness, ")
                .AppendLine(invariant, $"{Median(first.Starts, s => s.IdleRss) / Median(second.Starts, s => s.IdleRss):F2} of the idle RSS.");
            var aot = first.Starts;
            var ready = Median(aot, s => s.Ready.TotalMilliseconds);
            var rss = Median(aot, s => s.IdleRss) / 1048576.0;
            text.AppendLine()
                .AppendLine(invariant, $"Targets: {first.App.Name} median to readiness {ready:F0} ms (≤ 60: {(ready <= 60 ? "met" : "not met")}), ")
                .AppendLine(invariant, $"idle RSS {rss:F1} MiB (≤ 32: {(rss <= 32 ? "met" : "not met")}).");
        }

        return text.ToString();
    }

    private static string Cell(List<ColdStart> starts, Func<ColdStart, double> measure, string format = "F0") =>
        $"{Median(starts, measure).ToString(format, CultureInfo.InvariantCulture)} "
        + $"({starts.Min(measure).ToString(format, CultureInfo.InvariantCulture)}–{starts.Max(measure).ToString(format, CultureInfo.InvariantCulture)})";

    private static double Median(List<ColdStart> starts, Func<ColdStart, double> measure)
    {
        var sorted = starts.Select(measure).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The load averages over 1, 5 and 15 minutes, from <c>/proc/loadavg</c>.</summary>
    public static string CurrentLoad()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

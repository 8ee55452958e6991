using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchyard.ColdStartBench;

/// <summary>The results file: what was measured, on which machine, and one row per variant (median of the runs).</summary>
internal sealed class ColdStartReport(int runs)
{
    private readonly List<(PublishedApp App, List<ColdStart> Starts)> _variants = [];

    public void Add(PublishedApp app, List<ColdStart> starts) => _variants.Add((app, starts));

    public string ToMarkdown(DateTimeOffset date)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# ColdStart — the packaged executable, ReadyToRun vs plain JIT")
            .AppendLine()
            .AppendLine("What it measures: the time from starting the packaged `app/switchyard` (self-contained linux-x64, as")
            .AppendLine("`switchyard package` publishes it) to the first 200 from `/__health`, polled every 5 ms, started as the")
            .AppendLine("Functions host starts a custom handler: `run -c krakend.json` in its folder with `FUNCTIONS_CUSTOMHANDLER_PORT`,")
            .AppendLine("on `examples/krakend.json` (its `async/memory` agent included).")
            .AppendLine()
            .AppendLine("- **ReadyToRun**: `dotnet publish -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true` (what ships).")
            .AppendLine("- **JIT**: the same with `-p:PublishReadyToRun=false`; the runtime's own assemblies are precompiled in both,")
            .AppendLine("  so the difference is Switchyard's assemblies and their dependencies.")
            .AppendLine()
            .AppendLine(invariant, $"Both variants are published in the same run, started once each unmeasured (disk cache), then {runs} times each,")
            .AppendLine("alternating; the table shows the median (min–max in brackets) of the wall-clock time and of the CPU time")
            .AppendLine("(user + system) the process had used by its first 200. On a shared machine the wall-clock time of single")
            .AppendLine("starts varies widely; the CPU time, what ReadyToRun saves by not compiling at start, much less.")
            .AppendLine()
            .AppendLine("Run: `dotnet run -c Release --project bench/Switchyard.ColdStartBench`")
            .AppendLine(invariant, $"on {date:yyyy-MM-dd} ({date:HH:mm} UTC), load average {LoadAverage()} at the end.")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(invariant, $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("| variant | start → first 200 on /__health (ms) | CPU time by then (ms) | published size (MB) |")
            .AppendLine("|---------|------------------------------------:|----------------------:|--------------------:|");
        foreach (var (app, starts) in _variants)
        {
            text.AppendLine(invariant, $"| {app.Name} | {Cell(starts, s => s.Elapsed)} | {Cell(starts, s => s.Cpu)} | {app.Size / 1e6:F1} |");
        }

        if (_variants.Count == 2)
        {
            var (first, second) = (_variants[0], _variants[1]);
            text.AppendLine()
                .Append(invariant, $"{first.App.Name} / {second.App.Name}: {Median(first.Starts, s => s.Elapsed) / Median(second.Starts, s => s.Elapsed):F2} of the start time, ")
                .AppendLine(invariant, $"{Median(first.Starts, s => s.Cpu) / Median(second.Starts, s => s.Cpu):F2} of the CPU time.");
        }

        return text.ToString();
    }

    private static string Cell(List<ColdStart> starts, Func<ColdStart, TimeSpan> measure) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Median(starts, measure):F0} ({starts.Min(s => measure(s).TotalMilliseconds):F0}–{starts.Max(s => measure(s).TotalMilliseconds):F0})");

    private static double Median(List<ColdStart> starts, Func<ColdStart, TimeSpan> measure)
    {
        var sorted = starts.Select(s => measure(s).TotalMilliseconds).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchyard.ColdStartBench;

/// <summary>The results file: what was measured, on which machine, and one row per variant (median of the runs).</summary>
internal sealed class ColdStartReport(int runs)
{
    private readonly List<(PublishedApp App, List<double> Milliseconds)> _variants = [];

    public void Add(PublishedApp app, List<double> milliseconds) => _variants.Add((app, milliseconds));

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
            .AppendLine("alternating; the table shows the median (min–max in brackets). On a shared machine single starts vary")
            .AppendLine("widely: the ratio of the medians is the figure to read.")
            .AppendLine()
            .AppendLine("Run: `dotnet run -c Release --project bench/Switchyard.ColdStartBench`")
            .AppendLine(invariant, $"on {date:yyyy-MM-dd} ({date:HH:mm} UTC), load average {LoadAverage()} at the end.")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(invariant, $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("| variant | start → first 200 on /__health (ms) | published size (MB) |")
            .AppendLine("|---------|------------------------------------:|--------------------:|");
        foreach (var (app, milliseconds) in _variants)
        {
            text.AppendLine(invariant, $"| {app.Name} | {Median(milliseconds):F0} ({milliseconds.Min():F0}–{milliseconds.Max():F0}) | {app.Size / 1e6:F1} |");
        }

        if (_variants.Count == 2)
        {
            text.AppendLine()
                .AppendLine(invariant, $"{_variants[0].App.Name} / {_variants[1].App.Name}: {Median(_variants[0].Milliseconds) / Median(_variants[1].Milliseconds):F2} of the start time.");
        }

        return text.ToString();
    }

    public static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
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

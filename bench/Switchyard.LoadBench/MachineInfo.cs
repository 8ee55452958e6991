using System.Diagnostics;

namespace Switchyard.LoadBench;

/// <summary>The machine and tool versions a run's figures belong to.</summary>
internal static class MachineInfo
{
    /// <summary>The machine, the tools and the load around a run, as a fenced block of a report.</summary>
    public static string Block(string loadAverage, bool reverseProxies = true) =>
        $"```\n{string.Join('\n', Describe(reverseProxies))}\nload average {loadAverage}\n```\n";

    /// <param name="reverseProxies">Whether the run measured nginx and HAProxy too, so their versions matter.</param>
    private static IReadOnlyList<string> Describe(bool reverseProxies) =>
    [
        $"CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores",
        $"memory: {MemoryGigabytes()}",
        $"kernel: {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}",
        $"OS: {OsName()}",
        $"dotnet: {FirstLine("dotnet", "--version")}",
        .. reverseProxies ? [$"nginx: {FirstLine(NginxProxy.Program, "-v")}", $"haproxy: {FirstLine(HaproxyProxy.Program, "-v")}"] : Array.Empty<string>(),
        $"wrk: {FirstLine("wrk", "-v")}",
    ];

    private static string CpuModel() => File.ReadLines("/proc/cpuinfo")
        .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    private static string MemoryGigabytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return FormattableString.Invariant($"{kilobytes / (1024.0 * 1024.0):F1} GiB");
    }

    private static string OsName() => File.ReadLines("/etc/os-release")
        .FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? "unknown";

    // Tools print their version on stdout or stderr (nginx), some with a non-zero exit (wrk): take the first line of either.
    private static string FirstLine(string program, string argument)
    {
        var start = new ProcessStartInfo(program, argument) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var text = output.Result + errors;
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "unknown";
    }
}

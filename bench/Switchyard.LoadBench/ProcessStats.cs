using System.Diagnostics;
using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// What a server process used, read from <c>/proc</c>: CPU time (utime + stime, in clock ticks) and resident memory.
/// A server is its process and every descendant (nginx's master and workers), summed.
/// </summary>
internal static class ProcessStats
{
    /// <summary>Clock ticks per second of <c>/proc/&lt;pid&gt;/stat</c>'s times, from <c>getconf CLK_TCK</c>.</summary>
    public static readonly Lazy<int> ClockTicks = new(ReadClockTicks);

    /// <summary>The process and all its descendants, found by the parent id in every <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryStatFields(pid) is { } fields)
            {
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>utime + stime of the processes, in clock ticks.</summary>
    public static long CpuTicks(IEnumerable<int> pids) => pids.Sum(pid => TryStatFields(pid) is { } fields
        ? long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
        : 0);

    /// <summary>Resets the peak resident set (VmHWM) to the current one: writing 5 to clear_refs.</summary>
    public static void ResetPeakRss(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
    }

    /// <summary>The sum of the processes' peak resident sets since the last reset, in bytes.</summary>
    public static long PeakRssBytes(IEnumerable<int> pids) => pids.Sum(pid => StatusKilobytes(pid, "VmHWM:") * 1024);

    /// <summary>The process's resident set now, in bytes.</summary>
    public static long RssBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    // The fields after the command name, which is in parentheses and may hold spaces: [0] is the state (field 3),
    // [1] the parent id, [11] utime and [12] stime (fields 14 and 15 of proc(5)).
    private static string[]? TryStatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long StatusKilobytes(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{pid}/status has no {key}");
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static int ReadClockTicks()
    {
        var start = new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}

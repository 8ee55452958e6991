using System.Globalization;
using System.Net;

namespace Switchyard.LoadBench;

/// <summary>
/// The micro benchmark's figures, read from <c>bench/results/HotPathBenchmarks.md</c> (a BenchmarkDotNet
/// GitHub-markdown table with <c>Mean</c> and <c>Allocated</c> columns): one row per benchmark method.
/// </summary>
internal sealed record HotPathResult(string Method, double MeanMicroseconds, double AllocatedBytes)
{
    /// <returns>The rows, or null when the file does not exist or holds no such table.</returns>
    public static IReadOnlyList<HotPathResult>? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path).Where(l => l.TrimStart().StartsWith('|')).ToList();
        var header = lines.FindIndex(l => Cells(l).Contains("Mean") && Cells(l).Contains("Allocated"));
        if (header < 0)
        {
            return null;
        }

        var columns = Cells(lines[header]);
        var (mean, allocated) = (columns.IndexOf("Mean"), columns.IndexOf("Allocated"));
        var rows = new List<HotPathResult>();
        foreach (var line in lines.Skip(header + 2))
        {
            var cells = Cells(line);
            if (cells.Count == columns.Count)
            {
                // BenchmarkDotNet escapes the quotes around a Description as &#39;.
                rows.Add(new HotPathResult(WebUtility.HtmlDecode(cells[0]).Trim('*', '\''), Microseconds(cells[mean]), Bytes(cells[allocated])));
            }
        }

        return rows.Count > 0 ? rows : null;
    }

    private static List<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static double Microseconds(string cell)
    {
        var (value, unit) = Split(cell);
        return unit switch
        {
            "ns" => value / 1000,
            "μs" or "µs" or "us" => value,
            "ms" => value * 1000,
            "s" => value * 1e6,
            _ => throw new FormatException($"Unknown time unit in '{cell}'."),
        };
    }

    // BenchmarkDotNet writes "-" when nothing was allocated.
    private static double Bytes(string cell)
    {
        if (cell is "-" or "0 B")
        {
            return 0;
        }

        var (value, unit) = Split(cell);
        return unit switch
        {
            "B" => value,
            "KB" => value * 1024,
            "MB" => value * 1024 * 1024,
            _ => throw new FormatException($"Unknown size unit in '{cell}'."),
        };
    }

    private static (double Value, string Unit) Split(string cell)
    {
        var parts = cell.Replace(",", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1] : string.Empty);
    }
}

using System.Buffers.Binary;
using System.Globalization;

namespace Switchyard.ColdStartBench;

/// <summary>Which pages of a file a process has mapped, from <c>/proc/PID/maps</c> and <c>/proc/PID/pagemap</c>.</summary>
internal static class ResidentPages
{
    public const int PageSize = 4096;

    /// <summary>The file offsets (page-aligned) of <paramref name="file"/>'s pages present in the process.</summary>
    public static IReadOnlySet<long> Of(int pid, string file)
    {
        var pages = new HashSet<long>();
        using var pagemap = File.OpenRead($"/proc/{pid}/pagemap");
        foreach (var line in File.ReadLines($"/proc/{pid}/maps"))
        {
            // start-end perms offset dev inode path
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[5].Trim() != file)
            {
                continue;
            }

            var range = fields[0].Split('-');
            var start = long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var end = long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var offset = long.Parse(fields[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var entries = new byte[(end - start) / PageSize * 8];
            pagemap.Position = start / PageSize * 8;
            pagemap.ReadExactly(entries);
            for (var i = 0; i < entries.Length / 8; i++)
            {
                // Bit 63 of an entry: the page is present.
                if ((BinaryPrimitives.ReadUInt64LittleEndian(entries.AsSpan(i * 8)) >> 63) == 1)
                {
                    pages.Add(offset + ((long)i * PageSize));
                }
            }
        }

        return pages.Count > 0 ? pages : throw new InvalidOperationException($"process {pid} has no page of {file} mapped");
    }
}

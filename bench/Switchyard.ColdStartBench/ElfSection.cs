using System.Diagnostics;
using System.Globalization;

namespace Switchyard.ColdStartBench;

/// <summary>A section of an ELF file (read with <c>readelf</c>) and the symbols in it (with <c>nm</c>).</summary>
internal sealed record ElfSection(string Name, long Address, long Offset, long Size)
{
    public static ElfSection Read(string file, string name)
    {
        foreach (var line in Run("readelf", "-S", "-W", file))
        {
            // [Nr] Name Type Address Off Size ...; the index may hold a space ("[ 7]").
            var closing = line.IndexOf(']', StringComparison.Ordinal);
            var fields = closing < 0 ? [] : line[(closing + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 4 && fields[0] == name)
            {
                return new ElfSection(name, Hex(fields[2]), Hex(fields[3]), Hex(fields[4]));
            }
        }

        throw new InvalidOperationException($"{file} has no {name} section");
    }

    /// <summary>The defined symbols inside <paramref name="section"/>, as file offsets, in address order.</summary>
    public static List<(long Offset, string Name)> Symbols(string file, ElfSection section)
    {
        var symbols = new List<(long Offset, string Name)>();
        foreach (var line in Run("nm", "-n", "--defined-only", file))
        {
            var fields = line.Split(' ', 3);
            if (fields.Length == 3 && long.TryParse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var address)
                && address >= section.Address && address < section.Address + section.Size)
            {
                symbols.Add((section.Offset + (address - section.Address), fields[2]));
            }
        }

        return symbols.Count > 0 ? symbols : throw new InvalidOperationException($"{file} has no symbols in {section.Name}: was it stripped?");
    }

    private static long Hex(string text) => long.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static List<string> Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        process.WaitForExit();
        return process.ExitCode == 0 ? lines : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}");
    }
}

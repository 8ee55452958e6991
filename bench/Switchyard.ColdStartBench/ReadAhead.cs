using System.Globalization;

namespace Switchyard.ColdStartBench;

/// <summary>
/// The read-ahead of the block device a file lives on (<c>/sys/class/bdi/MAJOR:MINOR/read_ahead_kb</c>), turned off
/// for a while and restored after; writing it needs root.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    private readonly string _setting;
    private readonly string _previous;

    private ReadAhead(string setting)
    {
        _setting = setting;
        _previous = File.ReadAllText(setting).Trim();
        try
        {
            File.WriteAllText(setting, "0");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"turning read-ahead off ({setting}) needs root");
        }
    }

    public static ReadAhead TurnedOff(string file) => new(SettingFor(Path.GetFullPath(file)));

    public void Dispose() => File.WriteAllText(_setting, _previous);

    /// <summary>The device of the mount holding <paramref name="file"/> (the longest mount point above it).</summary>
    private static string SettingFor(string file)
    {
        string? device = null;
        var longest = -1;
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // id parent major:minor root mount-point ...
            var fields = line.Split(' ');
            var mountPoint = fields[4];
            var above = mountPoint == "/" || file.StartsWith(mountPoint + "/", StringComparison.Ordinal);
            if (above && mountPoint.Length > longest)
            {
                longest = mountPoint.Length;
                device = fields[2];
            }
        }

        var setting = $"/sys/class/bdi/{device}/read_ahead_kb";
        return File.Exists(setting)
            ? setting
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{file} is not on a block device with a read-ahead setting ({setting})"));
    }
}

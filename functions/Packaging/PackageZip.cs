using System.IO.Compression;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// Zips a package for <c>az functionapp deployment source config-zip</c>. The app runs from the mounted zip, read-only,
/// so the executable bit cannot be set after deployment: each entry carries its Unix mode in the high 16 bits of its
/// external attributes, the executable 0755 wherever the package was built, other files 0755 when executable here
/// and 0644 otherwise. Local-only files (<see cref="PackageLayout.IsLocalOnly"/>) stay out.
/// </summary>
internal static class PackageZip
{
    public const int RegularFile = 0x8000; // S_IFREG, 0100000

    public const int ExecutableMode = RegularFile | 0x1ED; // 0100755

    public const int FileMode = RegularFile | 0x1A4; // 0100644

    public static void Create(string directory, string zipPath)
    {
        File.Delete(zipPath);
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (PackageLayout.IsLocalOnly(name))
            {
                continue;
            }

            var entry = archive.CreateEntryFromFile(file, name, CompressionLevel.Optimal);
            entry.ExternalAttributes = ModeOf(file, name) << 16;
        }
    }

    private static int ModeOf(string file, string name)
    {
        if (name == PackageLayout.Executable)
        {
            return ExecutableMode;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & anyExecute) != 0 ? ExecutableMode : FileMode;
    }
}

using System.IO.Compression;
using System.Runtime.Versioning;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class PackageZipTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-zip-").FullName;

    private string Package => Path.Combine(_directory, "dist");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string path, string content = "x")
    {
        var full = Path.Combine(Package, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_executable_is_0755_even_when_its_file_is_not_and_other_files_keep_their_modes()
    {
        Write("host.json");
        Write("http/function.json");
        Write("app/switchyard");
        Write("app/createdump");
        Write("app/switchyard.dll");
        File.SetUnixFileMode(Path.Combine(Package, "app/switchyard"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(Package, "app/createdump"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(Package, "app/switchyard.dll"), (UnixFileMode)0b110_110_110);

        var zip = Path.Combine(_directory, "dist.zip");
        PackageZip.Create(Package, zip);

        using var archive = ZipFile.OpenRead(zip);
        var modes = archive.Entries.ToDictionary(e => e.FullName, e => Convert.ToString((uint)e.ExternalAttributes >> 16, 8));
        modes.Should().Equal(new Dictionary<string, string>
        {
            ["app/createdump"] = "100755",
            ["app/switchyard"] = "100755",
            ["app/switchyard.dll"] = "100644",
            ["host.json"] = "100644",
            ["http/function.json"] = "100644",
        });
    }

    [Fact]
    public void Local_only_files_stay_out_and_entries_keep_their_content()
    {
        Write("host.json", """{"version":"2.0"}""");
        Write("local.settings.json");
        Write("main.parameters.json");
        Write("main.bicepparam");
        Write("bicep/main.bicep");
        Write("README.md");
        Write("app/README.md", "kept: only the root's notes are local");

        var zip = Path.Combine(_directory, "dist.zip");
        PackageZip.Create(Package, zip);

        using var archive = ZipFile.OpenRead(zip);
        archive.Entries.Select(e => e.FullName).Should().Equal("app/README.md", "host.json");
        using var reader = new StreamReader(archive.GetEntry("host.json")!.Open());
        reader.ReadToEnd().Should().Be("""{"version":"2.0"}""");
    }
}

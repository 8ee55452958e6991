using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// <c>examples/krakend.json</c> packaged once for all of <see cref="PackagedAppTests"/>, as <c>switchyard package -c
/// examples/krakend.json -o dist --zip</c> does: Native AOT, the default (a few minutes of publishing on 2 cores, so
/// done once per test run).
/// </summary>
public sealed class PackagedApp : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-packaged-").FullName;

    /// <summary>The package's folder (<c>dist</c>); <see cref="Zip"/> beside it.</summary>
    public string Dist => Path.Combine(_directory, "dist");

    public string Zip => Dist + ".zip";

    /// <summary>What <c>package</c> printed.</summary>
    public string Printed { get; private set; } = "";

    /// <summary>A folder for the tests' own files.</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(_directory, "scratch")).FullName;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(config, RepositoryFiles.Read("examples", "krakend.json"));
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await PackageCommand.PackageAsync(
            new PackageRequest(config, Dist, Zip: true, Publish: true, Project: null, "switchyard"), output, errors, CancellationToken.None);
        Printed = output.ToString();
        exitCode.Should().Be(0, errors.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

using System.Text.Json.Nodes;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// A temporary folder to run <c>switchyard package</c> in (without publishing the executable): the configuration is
/// written there, the package goes to <see cref="Output"/>, and what the command prints is kept.
/// </summary>
internal sealed class PackageSandbox : IDisposable
{
    /// <summary>The folder holding the configuration and the package.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("switchyard-package-").FullName;

    /// <summary>What the command wrote to standard output.</summary>
    public StringWriter Printed { get; } = new();

    /// <summary>What the command wrote to standard error: notes, warnings and errors.</summary>
    public StringWriter Errors { get; } = new();

    /// <summary>The package's folder.</summary>
    public string Output => Path.Combine(Directory, "dist");

    /// <summary>Writes <paramref name="json"/> as <c>krakend.json</c> in the folder; returns its path.</summary>
    public string WriteConfig(string json)
    {
        var path = Path.Combine(Directory, "krakend.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Packages the configuration at <paramref name="configPath"/> into <see cref="Output"/>; returns the exit code.</summary>
    public Task<int> Package(string configPath, bool zip = false, AppRuntime? runtime = null) =>
        PackageCommand.PackageAsync(
            new PackageRequest(configPath, Output, zip, Publish: false, Project: null, "shop", runtime), Printed, Errors, CancellationToken.None);

    /// <summary>The package's JSON file at <paramref name="path"/>.</summary>
    public JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, path)))!;

    public void Dispose()
    {
        Printed.Dispose();
        Errors.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

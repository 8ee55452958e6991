using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>The repository's <c>bicep/</c> folder and its files.</summary>
internal static class BicepFolder
{
    /// <summary>The absolute path of <c>bicep/</c> in the repository the tests run in.</summary>
    public static string Path { get; } = RepositoryRoot.Combine("bicep");

    /// <summary>The template deployed by <c>az deployment group create</c>.</summary>
    public static BicepSource Main => BicepSource.Load(System.IO.Path.Combine(Path, "main.bicep"));

    /// <summary>Every <c>.bicep</c> file of the folder, sorted.</summary>
    public static IReadOnlyList<string> Files =>
        Directory.EnumerateFiles(Path, "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The module file at <paramref name="relativePath"/> (as written in a <c>module</c> declaration).</summary>
    public static BicepSource Load(string relativePath) => BicepSource.Load(System.IO.Path.Combine(Path, relativePath));
}

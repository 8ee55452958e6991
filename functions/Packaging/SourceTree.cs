namespace Switchyard.Functions.Packaging;

/// <summary>
/// The Switchyard source tree a package is built from: the <c>host.json</c> template at its root, the
/// <c>functions</c> project that is published into <c>app/</c> and the Bicep templates in <c>bicep/</c>.
/// </summary>
internal sealed record SourceTree(string Root)
{
    public const string ProjectPath = "functions/Switchyard.Functions.csproj";

    public string HostTemplate => Path.Combine(Root, PackageLayout.HostJson);

    public string Project => Path.Combine(Root, ProjectPath);

    /// <summary>The Bicep templates of the function app's infrastructure, copied into every package.</summary>
    public string Templates => Path.Combine(Root, PackageLayout.TemplateFolder);

    /// <summary>
    /// The tree at <paramref name="given"/> (its root, the <c>functions</c> folder or the project file), else the
    /// first one found walking up from the working directory, then from the executable's folder (a <c>dotnet run</c>
    /// or test build lives inside the tree). Null when there is none.
    /// </summary>
    public static SourceTree? Find(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            var full = Path.GetFullPath(given);
            var directory = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
            return At(directory) ?? At(Path.GetDirectoryName(directory));
        }

        return Above(Directory.GetCurrentDirectory()) ?? Above(AppContext.BaseDirectory);
    }

    private static SourceTree? Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (At(directory.FullName) is { } tree)
            {
                return tree;
            }
        }

        return null;
    }

    private static SourceTree? At(string? directory)
    {
        if (directory is null)
        {
            return null;
        }

        var tree = new SourceTree(directory);
        return File.Exists(tree.Project) && File.Exists(tree.HostTemplate) && Directory.Exists(tree.Templates) ? tree : null;
    }
}

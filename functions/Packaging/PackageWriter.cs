namespace Switchyard.Functions.Packaging;

/// <summary>
/// Writes a package to its folder: the generated files, the configuration (or the JSON its template rendered) as <c>app/krakend.json</c> with the
/// local files (<see cref="PackagedFiles"/>) beside it, the Bicep templates the parameters are for and, unless asked
/// not to, the published executable. Everything is built in a staging folder beside the target and moved into
/// place at the end, so a failed publish leaves the previous package (or nothing) behind, and a package never keeps
/// the function folders of agents that are gone.
/// </summary>
internal static class PackageWriter
{
    /// <summary>Writes the package; returns null on success, else why nothing was written.</summary>
    public static async Task<string?> WriteAsync(
        FunctionAppPackage package,
        PackagedConfig config,
        string outputDirectory,
        string templates,
        string? publishProject,
        AppRuntime runtime,
        CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(outputDirectory);
        if (Unreplaceable(target) is { } problem)
        {
            return problem;
        }

        var parent = Path.GetDirectoryName(target) ?? throw new InvalidOperationException($"{target} has no parent folder");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.staging-{Guid.NewGuid():N}");
        try
        {
            foreach (var file in package.Files)
            {
                var path = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, file.Content, cancellationToken).ConfigureAwait(false);
            }

            var app = Path.Combine(staging, PackageLayout.AppFolder);
            Directory.CreateDirectory(app);
            if (publishProject is not null
                && await AppPublisher.PublishAsync(publishProject, app, runtime, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                return failure;
            }

            // Written after publishing, byte for byte what was validated: the file, or the JSON its template rendered.
            var shipped = Path.Combine(app, PackageLayout.ConfigName);
            if (config.RenderedJson is { } rendered)
            {
                await File.WriteAllTextAsync(shipped, rendered, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                File.Copy(config.Path, shipped, overwrite: true);
            }

            CopyAppFiles(package.AppFiles, Path.GetDirectoryName(Path.GetFullPath(config.Path))!, app);
            CopyTemplates(templates, Path.Combine(staging, PackageLayout.TemplateFolder));

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
            return null;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The configuration's own files (<see cref="PackagedFiles"/>), at the same path relative to it as beside the source.</summary>
    private static void CopyAppFiles(IReadOnlyList<string> files, string configDirectory, string app)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(app, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(configDirectory, file), target, overwrite: true);
        }
    }

    /// <summary>Every <c>.bicep</c> file of the source tree's templates, at the same relative path.</summary>
    private static void CopyTemplates(string templates, string target)
    {
        foreach (var file in Directory.EnumerateFiles(templates, "*.bicep", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>
    /// Why <paramref name="target"/> must not be replaced, or null: only an empty folder or an earlier package (it
    /// has a <c>host.json</c>) is, so a mistyped <c>-o</c> never wipes a folder of other files.
    /// </summary>
    private static string? Unreplaceable(string target)
    {
        if (File.Exists(target))
        {
            return $"{target} is a file: give a folder for the package";
        }

        return Directory.Exists(target)
            && !File.Exists(Path.Combine(target, PackageLayout.HostJson))
            && Directory.EnumerateFileSystemEntries(target).Any()
            ? $"{target} is neither empty nor an earlier package (it has no {PackageLayout.HostJson}): give a new or empty folder"
            : null;
    }
}

using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// TLS in a packaged function app. The platform's front end ends TLS, so <c>tls</c> does not apply (its files are not
/// shipped; its <c>min_version</c> becomes the app's <c>minTlsVersion</c>, see <see cref="BicepParameters"/>).
/// <c>client_tls</c> still applies: its PEM files go into <see cref="PackageLayout.AppFolder"/> at the same relative
/// path, since the handler runs there with the configuration beside it. A path the package cannot reproduce (absolute,
/// or leaving the configuration's folder) is an error.
/// </summary>
internal static class PackagedTls
{
    /// <summary>The line <c>package</c> prints when the configuration has an active <c>tls</c>, else null.</summary>
    public static string? Note(ServiceConfig config) => config.Tls is { IsActive: true } tls
        ? "tls does not apply in a function app: TLS ends at the platform's front end, which forwards plain HTTP to the gateway on "
          + "loopback. HTTPS is the function app's: bicep/modules/functionapp.bicep sets httpsOnly: true, and main.parameters.json "
          + $"sets minTlsVersion {BicepParameters.MinTlsVersion(tls.MinVersion)} from tls.min_version; the certificate is the "
          + "platform's (or your custom domain's) and max_version and cipher_suites are not applied. client_tls still applies to backend calls."
        : null;

    /// <summary>The files to copy, relative to the configuration's folder, each once; problems go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> Files(ServiceConfig config, List<string> errors)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (config.ClientTls is not { } tls)
        {
            return [.. files];
        }

        for (var i = 0; i < tls.CaCerts.Count; i++)
        {
            Add(tls.CaCerts[i], $"{ClientTlsOptions.JsonPath}.ca_certs[{i}]", files, errors);
        }

        foreach (var pair in tls.ClientCerts)
        {
            Add(pair.CertificateFile, pair.CertificateJsonPath, files, errors);
            Add(pair.KeyFile, pair.KeyJsonPath, files, errors);
        }

        return [.. files];
    }

    private static void Add(string file, string path, SortedSet<string> files, List<string> errors)
    {
        // A stand-in root: only the shape of the path matters here, not where the folder is.
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "configuration"));
        var full = Path.GetFullPath(file, root);
        if (Path.IsPathRooted(file) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            errors.Add($"{path}: {file} cannot be packaged: the function app has only the files of the configuration's folder; "
                + $"put it there and write its path relative to the configuration, and package copies it into {PackageLayout.AppFolder}/");
            return;
        }

        files.Add(Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/'));
    }
}

using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The local files a packaged configuration still reads in a function app: <c>client_tls</c>'s PEM files, and the key
/// sets and CAs of <c>auth/validator</c> and <c>auth/signer</c> (<c>jwk_local_path</c>, <c>jwk_local_ca</c>). They go into
/// <see cref="PackageLayout.AppFolder"/> at the same relative path, since the handler runs there with the configuration
/// beside it. A path the package cannot reproduce (absolute, or leaving the configuration's folder) is an error.
/// <c>tls</c>'s files are not shipped: TLS ends at the platform (<see cref="PackagedTls"/>).
/// </summary>
internal static class PackagedFiles
{
    /// <summary>The files to copy, relative to the configuration's folder, each once; problems go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> Of(ServiceConfig config, List<string> errors)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (config.ClientTls is { } tls)
        {
            for (var i = 0; i < tls.CaCerts.Count; i++)
            {
                Add(tls.CaCerts[i], $"{ClientTlsOptions.JsonPath}.ca_certs[{i}]", files, errors);
            }

            foreach (var pair in tls.ClientCerts)
            {
                Add(pair.CertificateFile, pair.CertificateJsonPath, files, errors);
                Add(pair.KeyFile, pair.KeyJsonPath, files, errors);
            }
        }

        foreach (var endpoint in config.Endpoints)
        {
            AddKeys(endpoint.JwtValidator?.Keys, files, errors);
            AddKeys(endpoint.JwtSigner?.Keys, files, errors);
        }

        return [.. files];
    }

    private static void AddKeys(JwkSourceOptions? keys, SortedSet<string> files, List<string> errors)
    {
        if (keys?.LocalPath is { } keySet)
        {
            Add(keySet, keys.JsonPath + ".jwk_local_path", files, errors);
        }

        if (keys?.LocalCa is { } authority)
        {
            Add(authority, keys.JsonPath + ".jwk_local_ca", files, errors);
        }
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

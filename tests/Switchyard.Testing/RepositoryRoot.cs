namespace Switchyard.Testing;

/// <summary>The repository the tests (or benchmarks) were built from: where <c>Serverless.sln</c> is, found upwards.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The repository's absolute path; throws when the binaries do not run inside a checkout.</summary>
    public static string Path => Found.Value;

    /// <summary>A path inside the repository.</summary>
    public static string Combine(params string[] relativePath) => System.IO.Path.Combine([Path, .. relativePath]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}: run from the repository.");
    }
}

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Files of the repository the tests run in (examples, configurations).</summary>
internal static class RepositoryFiles
{
    public static string Read(params string[] relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
        {
            directory = directory.Parent;
        }

        directory.Should().NotBeNull("the tests run inside the repository");
        return File.ReadAllText(Path.Combine([directory!.FullName, .. relativePath]));
    }
}

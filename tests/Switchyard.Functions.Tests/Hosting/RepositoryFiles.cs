using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Files of the repository the tests run in (examples, configurations).</summary>
internal static class RepositoryFiles
{
    public static string Read(params string[] relativePath) => File.ReadAllText(RepositoryRoot.Combine(relativePath));
}

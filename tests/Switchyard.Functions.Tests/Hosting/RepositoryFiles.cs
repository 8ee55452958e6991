using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Files of the repository the tests run in (examples, configurations).</summary>
internal static class RepositoryFiles
{
    public static string Read(params string[] relativePath) => File.ReadAllText(RepositoryRoot.Combine(relativePath));

    /// <summary>The first JSON block of the README's section <paramref name="heading"/> (<c>### CORS</c>).</summary>
    public static string ReadmeExample(string heading)
    {
        var readme = Read("README.md");
        var section = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        section.Should().BePositive($"the README has a '{heading}' section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }
}

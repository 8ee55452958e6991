using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>The first JSON block of a README section: the configurations the README shows, as written.</summary>
internal static class ReadmeExample
{
    /// <summary>The text of the first <c>```json</c> block after <paramref name="heading"/>.</summary>
    public static string Json(string heading)
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        section.Should().BePositive($"the README has a '{heading}' section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    /// <summary>The example of <paramref name="heading"/>, loaded: it must have no error.</summary>
    public static ServiceConfig Load(string heading)
    {
        var result = ConfigLoader.Parse(Json(heading));
        result.Errors.Should().BeEmpty();
        return result.Config!;
    }
}

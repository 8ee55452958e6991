namespace Switchyard.Functions.Tests.Hosting;

/// <summary>The README's examples, so tests load or serve them exactly as they are written.</summary>
internal static class ReadmeExample
{
    /// <summary>The first <c>```json</c> block after the README heading <paramref name="heading"/> (such as <c>### CORS</c>).</summary>
    public static string Json(string heading)
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        section.Should().BePositive($"the README has a '{heading}' section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }
}

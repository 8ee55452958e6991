using Switchyard.Core.Configuration;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Security;

/// <summary>The README's JWT examples are configurations Switchyard loads as they are written.</summary>
public sealed class ReadmeJwtExamplesTests
{
    [Fact]
    public void The_validation_example_loads_with_its_validator()
    {
        var endpoint = Load("### JWT validation").Endpoints.Single();

        endpoint.JwtValidator!.Algorithm.Should().Be("RS256");
        endpoint.JwtValidator.PropagateClaims.Should().HaveCount(2);
    }

    [Fact]
    public void The_signing_example_loads_with_its_signer()
    {
        Load("### JWT signing").Endpoints.Single().JwtSigner!.KeysToSign.Should().Equal("access_token", "refresh_token");
    }

    private static ServiceConfig Load(string heading)
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        section.Should().BePositive($"the README has a '{heading}' section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);

        var result = ConfigLoader.Parse(readme[start..end]);
        result.Errors.Should().BeEmpty();
        return result.Config!;
    }
}

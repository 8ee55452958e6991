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

    private static ServiceConfig Load(string heading) => ReadmeExample.Load(heading);
}

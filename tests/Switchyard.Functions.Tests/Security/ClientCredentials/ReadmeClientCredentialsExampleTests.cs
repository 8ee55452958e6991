using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Security.ClientCredentials;

/// <summary>The README's client credentials example is a configuration Switchyard loads as it is written.</summary>
public sealed class ReadmeClientCredentialsExampleTests
{
    [Fact]
    public void The_example_loads_with_its_credentials()
    {
        var credentials = ReadmeExample.Load("### OAuth2 client credentials to backends").Endpoints.Single().Backends.Single().ClientCredentials!;

        credentials.Scopes.Should().Equal("invoices:read", "invoices:write");
        credentials.EndpointParams["audience"].Should().Equal("https://billing.internal");
    }
}

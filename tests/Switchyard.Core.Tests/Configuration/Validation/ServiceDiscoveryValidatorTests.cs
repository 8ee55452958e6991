using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class ServiceDiscoveryValidatorTests
{
    [Theory]
    [InlineData("dns")]
    [InlineData("dns-shared")]
    public void Dns_service_discovery_is_not_supported(string sd)
    {
        LoadErrors(ServiceWithBackend($"\"sd\": \"{sd}\"")).Should().Equal(
            $"endpoints[0].backend[0].sd: service discovery '{sd}' is not supported (only static)");
    }

    [Fact]
    public void Static_service_discovery_is_accepted()
    {
        LoadValid(ServiceWithBackend("\"sd\": \"static\"")).Endpoints[0].Backends[0].Sd.Should().Be("static");
    }
}

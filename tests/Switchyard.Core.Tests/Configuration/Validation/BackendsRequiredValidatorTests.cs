using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class BackendsRequiredValidatorTests
{
    [Theory]
    [InlineData("""{"endpoint": "/e"}""")]
    [InlineData("""{"endpoint": "/e", "backend": []}""")]
    public void An_endpoint_needs_at_least_one_backend(string endpoint)
    {
        LoadErrors(Service(endpoint)).Should().Equal("endpoints[0].backend: at least one backend is required");
    }

    [Theory]
    [InlineData("""{"host": ["http://b"]}""")]
    [InlineData("""{"url_pattern": ""}""")]
    public void A_backend_needs_a_url_pattern(string backend)
    {
        LoadErrors(Service($$"""{"endpoint": "/e", "backend": [{{backend}}]}""")).Should().Equal(
            "endpoints[0].backend[0].url_pattern: required");
    }
}

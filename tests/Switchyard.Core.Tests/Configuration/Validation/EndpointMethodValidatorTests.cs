using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class EndpointMethodValidatorTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("delete")]
    public void Router_methods_are_served(string method)
    {
        var result = ConfigLoader.Parse(ServiceWithEndpoint($"\"method\": \"{method}\""));

        result.Warnings.Should().BeEmpty();
        result.Config!.Endpoints.Should().ContainSingle().Which.Method.Should().Be(method.ToUpperInvariant());
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("CONNECT")]
    public void Other_methods_warn_and_the_endpoint_is_dropped(string method)
    {
        var result = ConfigLoader.Parse(Service(
            $$"""{"endpoint": "/dropped", "method": "{{method}}", "backend": [{"url_pattern": "/b"}]}""",
            """{"endpoint": "/kept", "backend": [{"url_pattern": "/b"}]}"""));

        result.Errors.Should().BeEmpty();
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            $"endpoints[0].method: unsupported method '{method}' (the endpoint is ignored)");
        result.Config!.Endpoints.Select(e => e.Endpoint).Should().Equal("/kept");
    }
}

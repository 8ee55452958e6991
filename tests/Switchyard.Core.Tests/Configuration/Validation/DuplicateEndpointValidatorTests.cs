using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class DuplicateEndpointValidatorTests
{
    [Fact]
    public void The_same_method_and_route_twice_is_an_error()
    {
        LoadErrors(Service(
            """{"endpoint": "/users/{id}", "backend": [{"url_pattern": "/b"}]}""",
            """{"endpoint": "/users/{name}", "method": "get", "backend": [{"url_pattern": "/b"}]}""")).Should().Equal(
            "endpoints[1].endpoint: duplicate endpoint GET /users/{name} (already declared at endpoints[0])");
    }

    [Fact]
    public void The_same_route_with_different_methods_is_fine()
    {
        LoadValid(Service(
            """{"endpoint": "/users", "backend": [{"url_pattern": "/b"}]}""",
            """{"endpoint": "/users", "method": "POST", "backend": [{"url_pattern": "/b"}]}""")).Endpoints.Should().HaveCount(2);
    }
}

using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class EndpointPathValidatorTests
{
    private static string WithPath(string path) =>
        Service($$"""{"endpoint": "{{path}}", "backend": [{"url_pattern": "/b"}]}""");

    [Theory]
    [InlineData("/")]
    [InlineData("/users/{id}")]
    [InlineData("/users/{id_user}/posts/{post-id}")]
    [InlineData("/files/*")]
    [InlineData("/files*")]
    [InlineData("/__debugger")]
    [InlineData("/api/__health")]
    public void Valid_paths_are_accepted(string path)
    {
        LoadValid(WithPath(path)).Endpoints[0].Endpoint.Should().Be(path);
    }

    [Theory]
    [InlineData("users", "endpoints[0].endpoint: 'users' must start with '/'")]
    [InlineData("/a/*/b", "endpoints[0].endpoint: '/a/*/b': '*' is only allowed at the end")]
    [InlineData("/users/{id}.json", "endpoints[0].endpoint: '/users/{id}.json': parameter '{id}.json' must be a whole segment such as '{name}'")]
    [InlineData("/users/x{id}", "endpoints[0].endpoint: '/users/x{id}': parameter 'x{id}' must be a whole segment such as '{name}'")]
    [InlineData("/users/{}", "endpoints[0].endpoint: '/users/{}': parameter '{}' must be a whole segment such as '{name}'")]
    [InlineData("/users/{a.b}", "endpoints[0].endpoint: '/users/{a.b}': parameter '{a.b}' must be a whole segment such as '{name}'")]
    [InlineData("/__debug", "endpoints[0].endpoint: '/__debug' is reserved for the gateway's own endpoints")]
    [InlineData("/__debug/x", "endpoints[0].endpoint: '/__debug/x' is reserved for the gateway's own endpoints")]
    [InlineData("/__echo/", "endpoints[0].endpoint: '/__echo/' is reserved for the gateway's own endpoints")]
    [InlineData("/__health", "endpoints[0].endpoint: '/__health' is reserved for the gateway's own endpoints")]
    public void Invalid_paths_are_errors(string path, string error)
    {
        LoadErrors(WithPath(path)).Should().Equal(error);
    }

    [Fact]
    public void A_missing_endpoint_path_is_required()
    {
        LoadErrors(Service("""{"backend": [{"url_pattern": "/b"}]}""")).Should().Equal("endpoints[0].endpoint: required");
    }

    [Fact]
    public void An_endpoint_path_of_the_wrong_type_is_reported_once()
    {
        LoadErrors(Service("""{"endpoint": 5, "backend": [{"url_pattern": "/b"}]}""")).Should().Equal(
            "endpoints[0].endpoint: expected a string, got number 5");
    }
}

using Switchyard.Functions.Packaging;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class FunctionRouteTests
{
    [Theory]
    [InlineData("/users/{id}", "users/{id}")]
    [InlineData("/files/*", "files/{*rest}")]
    [InlineData("/*", "{*rest}")]
    [InlineData("/orders", "orders")]
    [InlineData("/a/{rest}/*", "a/{rest}/{*rest1}")]
    [InlineData("/a/{x-y}/{z}", "a/{p}/{z}")]
    [InlineData("/a/{id}/b/{id}", "a/{id}/b/{id1}")]
    [InlineData("/a/x{y}", "a/x{{y}}")]
    [InlineData("/users/", "users/")]
    [InlineData("/v1/users.json", "v1/users.json")]
    public void An_endpoint_path_becomes_the_route_template_the_host_matches(string endpoint, string template)
    {
        var route = FunctionRoute.Of(RoutePattern.Parse(endpoint));

        route.Template.Should().Be(template);
        route.Problem.Should().BeNull();
    }

    [Theory]
    [InlineData("/", "empty route")]
    [InlineData("/admin/users", "'admin'")]
    [InlineData("/Administrators", "'admin'")]
    [InlineData("/runtime/x", "'runtime'")]
    [InlineData("/a//b", "empty segment")]
    public void A_path_the_host_cannot_route_to_a_function_of_its_own_says_why(string endpoint, string problem)
    {
        var route = FunctionRoute.Of(RoutePattern.Parse(endpoint));

        route.Template.Should().BeNull();
        route.Problem.Should().Contain(problem);
    }
}

using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Route parameters on their way into a backend URL: refused when still encoded, encoded where they land.</summary>
public sealed class BackendRequestParamsTests
{
    [Theory]
    // An encoded '?' would open a query on the backend.
    [InlineData("/users/1%3Fadmin=true")]
    // An encoded '#' would cut the backend URL.
    [InlineData("/users/1%23fragment")]
    // Double-encoded traversal is still encoded after one decoding.
    [InlineData("/users/..%252F..%252Fadmin")]
    [InlineData("/users/%252E%252E")]
    public async Task A_parameter_still_encoded_after_decoding_or_holding_a_query_mark_is_a_400(string target)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Users(backend, "/users/{id}"));

        var response = await VerbatimRequest.GetAsync(gateway.Client, target);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("error: encoded url params");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Encoded_slashes_are_decoded_before_routing_so_a_traversal_does_not_match_the_route()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Users(backend, "/users/{id}"));

        var response = await VerbatimRequest.GetAsync(gateway.Client, "/users/..%2F..%2Fadmin");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("404 page not found");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        backend.Received.Should().BeEmpty();
    }

    [Theory]
    // A dot segment stays one opaque segment: it cannot climb the backend path.
    [InlineData("/users/%2E%2E", "/users/{id}/profile", "/users/%2E%2E/profile")]
    [InlineData("/users/%2E", "/users/{id}/profile", "/users/%2E/profile")]
    // CR and LF cannot start a new header line.
    [InlineData("/users/1%0D%0AX-Injected:%20yes", "/users/{id}", "/users/1%0D%0AX-Injected:%20yes")]
    // Spaces and non-ASCII letters are percent-encoded, in the path and in the query.
    [InlineData("/users/ana%20l%C3%B3pez", "/users/{id}", "/users/ana%20l%C3%B3pez")]
    [InlineData("/users/ana%20l%C3%B3pez", "/search?name={id}", "/search?name=ana%20l%C3%B3pez")]
    [InlineData("/users/%E2%9C%93%F0%9F%98%80", "/users/{id}", "/users/%E2%9C%93%F0%9F%98%80")]
    // A value cannot add a query parameter of its own.
    [InlineData("/users/a&admin=true", "/search?name={id}", "/search?name=a%26admin%3Dtrue")]
    public async Task A_parameter_is_percent_encoded_for_the_place_it_takes_in_the_backend_url(string target, string urlPattern, string backendTarget)
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(Users(backend, urlPattern));

        var response = await VerbatimRequest.GetAsync(gateway.Client, target);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"ok":true}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        var received = backend.Received.Single();
        received.Target.Should().Be(backendTarget);
        received.Headers.Should().NotContainKey("X-Injected");
    }

    [Fact]
    public async Task With_path_decoding_disabled_an_encoded_parameter_is_accepted_and_stays_encoded()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config(
            $$"""{"endpoint": "/users/{id}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/users/{id}"}]}""",
            """ "extra_config": {"router": {"disable_path_decoding": true}} """));

        var response = await VerbatimRequest.GetAsync(gateway.Client, "/users/1%253F");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Received.Single().Target.Should().Be("/users/1%253F");
    }

    private static string Users(TestBackend backend, string urlPattern) => TestGateway.Config($$"""
        {"endpoint": "/users/{id}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "{{urlPattern}}"}]}
        """);
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Routing;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Routing;

public sealed class RouterResponsesTests : IAsyncLifetime
{
    private static readonly RouteTable<RequestDelegate> Table = new(
    [
        new("GET", "/users/{id}", context => context.Response.WriteAsync("user " + context.Request.Path)),
        new("POST", "/users", context => context.Response.WriteAsync("created")),
    ]);

    private LoopbackServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(context =>
        {
            var match = Table.Match(context.Request.Method, RequestTarget.From(context.Request));
            return match.Kind == RouteMatchKind.Found ? match.Value!(context) : RouterResponses.WriteUnmatchedAsync(context, match);
        });
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_found_route_is_dispatched()
    {
        var body = await _client.GetStringAsync("/users/7");

        body.Should().Be("user /users/7");
    }

    [Theory]
    [InlineData("GET", "/nothing")]
    [InlineData("DELETE", "/users/7/x")]
    public async Task Not_found_is_gins_plain_text_404_marked_incomplete(string method, string path)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        (await response.Content.ReadAsStringAsync()).Should().Be("404 page not found");
    }

    [Fact]
    public async Task Method_not_allowed_is_gins_plain_text_405_with_allow_marked_incomplete()
    {
        using var response = await _client.PutAsync("/users", null);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain");
        response.Content.Headers.Allow.Should().Equal("POST");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        (await response.Content.ReadAsStringAsync()).Should().Be("405 method not allowed");
    }

    [Fact]
    public async Task A_get_redirect_is_a_301_with_gos_html_link_body()
    {
        using var response = await _client.GetAsync("/USERS/7/?a=1&b=%3C");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be("/users/7?a=1&b=%3C");
        response.Headers.Contains("X-KrakenD-Completed").Should().BeFalse();
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Be("<a href=\"/users/7?a=1&amp;b=%3C\">Moved Permanently</a>.\n\n");
    }

    [Fact]
    public async Task Another_methods_redirect_is_a_307_without_body()
    {
        using var response = await _client.PostAsync("/users/", new StringContent("x"));

        response.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location!.OriginalString.Should().Be("/users");
        response.Content.Headers.ContentType.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_encoded_slash_is_decoded_before_routing_as_go_does()
    {
        using var response = await _client.GetAsync("/users%2F7");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().StartWith("user ");
    }
}

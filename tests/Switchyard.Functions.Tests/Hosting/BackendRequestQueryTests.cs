using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Which parts of the client's query string reach a backend, and how the backend's query is written.</summary>
public sealed class BackendRequestQueryTests
{
    [Theory]
    // None by default.
    [InlineData(null, "/received", "/target?a=1&b=2", "/received")]
    // Only the listed names, keys sorted.
    [InlineData("""["a", "c"]""", "/received", "/target?c=3&b=2&a=1", "/received?a=1&c=3")]
    // A star lets every name through; repeated values keep their order.
    [InlineData("""["*"]""", "/received", "/target?b=2&a=1&a=0", "/received?a=1&a=0&b=2")]
    // Names are case-sensitive.
    [InlineData("""["a"]""", "/received", "/target?A=1&a=2", "/received?a=2")]
    // A listed name the client did not send is simply absent.
    [InlineData("""["a", "z"]""", "/received", "/target?a=1", "/received?a=1")]
    // The url_pattern's own query is kept and the client's is appended.
    [InlineData("""["some"]""", "/received?extra=true", "/target?some=none", "/received?extra=true&some=none")]
    // Values are written as Go's url.Values.Encode writes them.
    [InlineData("""["*"]""", "/received", "/target?q=caf%C3%A9%20ol%C3%A9&x=a%2Bb&y=%26", "/received?q=caf%C3%A9+ol%C3%A9&x=a%2Bb&y=%26")]
    // Read as Go reads a query: a piece holding ';' is dropped, a name without '=' has an empty value.
    [InlineData("""["*"]""", "/received", "/target?a=1;b=2&flag&c=3", "/received?c=3&flag=")]
    public async Task The_endpoint_query_filter_decides_what_is_appended_to_the_backend_url(
        string? inputQueryStrings, string urlPattern, string clientTarget, string backendTarget)
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/target", {{(inputQueryStrings is null ? "" : $"\"input_query_strings\": {inputQueryStrings},")}} "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "{{urlPattern}}"}]}
            """));

        var response = await VerbatimRequest.GetAsync(gateway.Client, clientTarget);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"ok":true}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        backend.Received.Single().Target.Should().Be(backendTarget);
    }

    [Fact]
    public async Task A_backend_input_query_strings_list_filters_again_what_the_endpoint_let_through()
    {
        await using var filtered = await TestBackend.StartAsync();
        await using var unfiltered = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/target", "input_query_strings": ["a", "b"], "backend": [
              {"host": ["{{filtered.Host}}"], "url_pattern": "/filtered", "input_query_strings": ["b", "c"], "group": "f"},
              {"host": ["{{unfiltered.Host}}"], "url_pattern": "/unfiltered", "group": "u"}]}
            """));

        var response = await gateway.Client.GetAsync("/target?a=1&b=2&c=3");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        filtered.Received.Single().Target.Should().Be("/filtered?b=2");
        unfiltered.Received.Single().Target.Should().Be("/unfiltered?a=1&b=2");
    }
}

using System.Net;
using System.Text;
using Switchyard.Functions.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Which client headers reach a backend, and the forwarding headers the gateway adds.</summary>
public sealed class BackendRequestHeadersTests
{
    [Fact]
    public async Task By_default_only_Content_Type_passes()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, inputHeaders: null));

        var response = await PostWithHeaders(gateway);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        headers.ContentType.ToString().Should().Be("application/json; charset=utf-8");
        headers.Should().NotContainKeys("X-Custom", "Authorization", "Cookie");
    }

    [Theory]
    [InlineData("X-Custom")]
    [InlineData("x-custom")]
    [InlineData("X-CUSTOM")]
    public async Task A_listed_header_passes_whatever_its_case_and_Content_Type_is_then_dropped(string listed)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, $"""["{listed}"]"""));

        var response = await PostWithHeaders(gateway);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        headers["X-Custom"].ToString().Should().Be("custom value");
        headers.Should().NotContainKeys("Content-Type", "Authorization", "Cookie");
    }

    [Fact]
    public async Task A_star_lets_every_header_pass()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, """["*"]"""));

        var response = await PostWithHeaders(gateway);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        headers["X-Custom"].ToString().Should().Be("custom value");
        headers.Authorization.ToString().Should().Be("Bearer token");
        headers.Cookie.ToString().Should().Be("session=1");
        headers.ContentType.ToString().Should().Be("application/json; charset=utf-8");
    }

    [Theory]
    [InlineData(null, null, "127.0.0.1")]
    [InlineData("203.0.113.7", null, "203.0.113.7")]
    [InlineData("203.0.113.7, 10.0.0.1", null, "203.0.113.7")]
    [InlineData(null, "198.51.100.4", "198.51.100.4")]
    [InlineData("2001:db8::1, 10.0.0.1", null, "2001:db8::1")]
    [InlineData("not an address", null, "127.0.0.1")]
    public async Task X_Forwarded_For_is_the_client_address_taken_from_an_incoming_forwarding_header_first(
        string? forwardedFor, string? realIp, string expected)
    {
        await using var backend = await TestBackend.StartAsync();
        // Even when the client's own X-Forwarded-For is forwarded, the gateway's value replaces it.
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, """["*"]"""));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/target");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (realIp is not null)
        {
            request.Headers.Add("X-Real-IP", realIp);
        }

        var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Received.Single().Headers["X-Forwarded-For"].ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"trusted_proxies": ["127.0.0.1"]}""", "1.1.1.1, 2.2.2.2, 127.0.0.1", null, "2.2.2.2")]
    [InlineData("""{"trusted_proxies": ["127.0.0.0/8", "2.2.2.0/24"]}""", "1.1.1.1, 2.2.2.2", null, "1.1.1.1")]
    [InlineData("""{"trusted_proxies": ["10.0.0.0/8"]}""", "1.1.1.1", null, "127.0.0.1")]
    [InlineData("""{"forwarded_by_client_ip": false}""", "1.1.1.1", null, "127.0.0.1")]
    [InlineData("""{"remote_ip_headers": ["X-Client-IP"]}""", "1.1.1.1", "X-Client-IP: 3.3.3.3", "3.3.3.3")]
    [InlineData("""{"app_engine": true}""", "1.1.1.1", "X-Appengine-Remote-Addr: 4.4.4.4", "4.4.4.4")]
    [InlineData("""{}""", "1.1.1.1, junk", null, "127.0.0.1")]
    public async Task The_router_decides_which_proxies_and_headers_tell_the_client_address(
        string router, string forwardedFor, string? otherHeader, string expected)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config(
            $$"""{"endpoint": "/target", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/received"}]}""",
            "\"extra_config\": {\"router\": " + router + "}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/target");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (otherHeader?.Split(": ") is [var name, var value])
        {
            request.Headers.Add(name, value);
        }

        (await gateway.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        backend.Received.Single().Headers["X-Forwarded-For"].ToString().Should().Be(expected);
    }

    [Fact]
    public async Task X_Forwarded_Host_is_the_host_the_client_called()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, inputHeaders: null));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/target");
        request.Headers.Host = "api.example.com";

        var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        headers["X-Forwarded-Host"].ToString().Should().Be("api.example.com");
        headers.Host.ToString().Should().Be(new Uri(backend.Host).Authority, "the backend gets its own Host");
    }

    [Fact]
    public async Task Without_forwarding_the_client_User_Agent_the_backend_sees_the_gateway_as_User_Agent()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, inputHeaders: null));

        var response = await PostWithHeaders(gateway);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        GatewayIdentity.UserAgent.Should().StartWith("Switchyard Version ");
        headers.UserAgent.ToString().Should().Be(GatewayIdentity.UserAgent);
        headers.Should().NotContainKey("X-Forwarded-Via");
        headers.AcceptEncoding.ToString().Should().Be("gzip", "the gateway asks for gzip and decodes it itself");
    }

    [Fact]
    public async Task A_forwarded_client_User_Agent_is_kept_and_the_gateway_goes_in_X_Forwarded_Via()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Endpoint(backend, """["User-Agent"]"""));

        var response = await PostWithHeaders(gateway);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        headers.UserAgent.ToString().Should().Be("curl/8.6.0");
        headers["X-Forwarded-Via"].ToString().Should().Be(GatewayIdentity.UserAgent);
    }

    [Fact]
    public async Task A_backend_input_headers_list_filters_again_what_the_endpoint_let_through()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/target", "method": "POST", "input_headers": ["X-Custom", "Authorization"], "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/received", "input_headers": ["X-Custom"]}]}
            """));

        var response = await PostWithHeaders(gateway);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = backend.Received.Single().Headers;
        headers["X-Custom"].ToString().Should().Be("custom value");
        // As in KrakenD, the backend list applies to the gateway's own headers too.
        headers.Should().NotContainKeys("Authorization", "X-Forwarded-For", "X-Forwarded-Host");
    }

    private static string Endpoint(TestBackend backend, string? inputHeaders) => TestGateway.Config($$"""
        {"endpoint": "/target", "method": "POST", {{(inputHeaders is null ? "" : $"\"input_headers\": {inputHeaders},")}} "backend": [
          {"host": ["{{backend.Host}}"], "url_pattern": "/received"}]}
        """);

    private static Task<HttpResponseMessage> PostWithHeaders(TestGateway gateway)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/target")
        {
            Content = new StringContent("""{"a":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "custom value");
        request.Headers.Add("Authorization", "Bearer token");
        request.Headers.Add("Cookie", "session=1");
        request.Headers.Add("User-Agent", "curl/8.6.0");
        return gateway.Client.SendAsync(request);
    }
}

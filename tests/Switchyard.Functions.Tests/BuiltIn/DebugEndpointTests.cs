using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Switchyard.Functions.Tests.BuiltIn;

public sealed class DebugEndpointTests
{
    [Theory]
    [InlineData("GET", "/__debug/")]
    [InlineData("POST", "/__debug/some/path")]
    [InlineData("PUT", "/__debug/x?y=1")]
    [InlineData("PATCH", "/__debug/x")]
    [InlineData("DELETE", "/__debug/x")]
    [InlineData("OPTIONS", "/__debug/x")]
    public async Task Any_method_below_debug_answers_pong(string method, string path)
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"pong"}""");
    }

    [Fact]
    public async Task Logs_the_request_at_debug_level()
    {
        var logs = new CapturedLogs();
        await using var gateway = await BuiltInGateway.StartAsync(logs: logs);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__debug/orders?id=7")
        {
            Content = new StringContent("hello", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Trace", "abc");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = logs.Entries.Should().ContainSingle(e => e.Category.EndsWith("DebugEndpoint", StringComparison.Ordinal)).Subject;
        entry.Level.Should().Be(LogLevel.Debug);
        entry.Message.Should().Contain("POST /__debug/orders?id=7").And.Contain("X-Trace: abc").And.Contain("body: 5 bytes");
    }

    [Theory]
    [InlineData("GET", 301)]
    [InlineData("POST", 307)]
    public async Task Debug_without_slash_redirects_to_the_slash(string method, int status)
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/__debug?x=1"));

        ((int)response.StatusCode).Should().Be(status);
        response.Headers.Location!.OriginalString.Should().Be("/__debug/?x=1");
    }

    [Fact]
    public async Task A_body_over_the_cap_is_413()
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.PostAsync("/__debug/big", new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Be("413 request entity too large");
    }

    [Fact]
    public async Task A_body_at_the_cap_is_read()
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.PostAsync("/__debug/big", new ByteArrayContent(new byte[1024 * 1024]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchyard.Functions.Tests.BuiltIn;

public sealed class EchoEndpointTests
{
    [Fact]
    public async Task Reports_the_request_uri_exactly_as_sent()
    {
        await using var gateway = await BuiltInGateway.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/__echo/welcome/pong?ua=curl/8.6.0");
        request.Headers.UserAgent.ParseAdd("curl/8.6.0");
        request.Headers.Accept.ParseAdd("*/*");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        response.Headers.Contains("X-KrakenD-Completed").Should().BeFalse();
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"req_uri\":\"/__echo/welcome/pong?ua=curl/8.6.0\","
            + "\"req_uri_details\":{\"fragment\":\"\",\"host\":\"" + gateway.BaseAddress.Authority + "\",\"path\":\"/__echo/welcome/pong\",\"query\":\"ua=curl%2F8.6.0\",\"user\":\"\"},"
            + "\"req_method\":\"GET\","
            + "\"req_querystring\":{\"ua\":[\"curl/8.6.0\"]},"
            + "\"req_body\":\"\","
            + "\"req_headers\":{\"Accept\":[\"*/*\"],\"User-Agent\":[\"curl/8.6.0\"]}}");
    }

    [Fact]
    public async Task Reports_the_raw_body_as_a_go_escaped_string()
    {
        await using var gateway = await BuiltInGateway.StartAsync();
        const string payload = """{"a":"<b>&é+'"}""";

        using var response = await gateway.Client.PatchAsync("/__echo/", new StringContent(payload, Encoding.UTF8, "application/json"));

        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"req_uri\":\"/__echo/\","
            + "\"req_uri_details\":{\"fragment\":\"\",\"host\":\"" + gateway.BaseAddress.Authority + "\",\"path\":\"/__echo/\",\"query\":\"\",\"user\":\"\"},"
            + "\"req_method\":\"PATCH\","
            + "\"req_querystring\":{},"
            + "\"req_body\":\"{\\\"a\\\":\\\"\\u003cb\\u003e\\u0026é+'\\\"}\","
            + "\"req_headers\":{\"Content-Length\":[\"" + Encoding.UTF8.GetByteCount(payload) + "\"],\"Content-Type\":[\"application/json; charset=utf-8\"]}}");
    }

    [Fact]
    public async Task An_invalid_utf8_body_byte_becomes_a_replacement_escape()
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.PostAsync("/__echo/x", new ByteArrayContent([0x61, 0xFF, 0x62]));

        (await response.Content.ReadAsStringAsync()).Should().Contain("\"req_body\":\"a\\ufffdb\"");
    }

    [Fact]
    public async Task Decodes_the_path_sorts_the_query_and_canonicalises_repeated_headers()
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        var (status, body) = await SendRawAsync(
            gateway.BaseAddress,
            "GET /__echo/a%20b/%3Cx%3E?b=2&a=1&a=%3C+%3E HTTP/1.1\r\n"
            + "Host: example.test\r\n"
            + "x-lower: one\r\n"
            + "X-Lower: two\r\n"
            + "content-md5: abc\r\n"
            + "Connection: close\r\n\r\n");

        status.Should().Be(200);
        body.Should().Be(
            // Go's HTML-safe JSON escapes every '&', the target's and the re-encoded query's too.
            "{\"req_uri\":\"/__echo/a%20b/%3Cx%3E?b=2\\u0026a=1\\u0026a=%3C+%3E\","
            + "\"req_uri_details\":{\"fragment\":\"\",\"host\":\"example.test\",\"path\":\"/__echo/a b/\\u003cx\\u003e\",\"query\":\"a=1\\u0026a=%3C+%3E\\u0026b=2\",\"user\":\"\"},"
            + "\"req_method\":\"GET\","
            + "\"req_querystring\":{\"a\":[\"1\",\"\\u003c \\u003e\"],\"b\":[\"2\"]},"
            + "\"req_body\":\"\","
            + "\"req_headers\":{\"Connection\":[\"close\"],\"Content-Md5\":[\"abc\"],\"X-Lower\":[\"one\",\"two\"]}}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_is_413_with_or_without_a_content_length(bool withLength)
    {
        await using var gateway = await BuiltInGateway.StartAsync();
        var bytes = new byte[(2 * 1024 * 1024) + 10];
        HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));

        using var response = await gateway.Client.PostAsync("/__echo/big", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain");
    }

    [Fact]
    public async Task Echo_without_slash_redirects_to_the_slash()
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.GetAsync("/__echo");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be("/__echo/");
    }

    private static async Task<(int Status, string Body)> SendRawAsync(Uri server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        var status = int.Parse(raw.AsSpan(9, 3), provider: null);
        return (status, raw[(raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    // A stream whose length HttpClient cannot know, so the body goes out chunked.
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

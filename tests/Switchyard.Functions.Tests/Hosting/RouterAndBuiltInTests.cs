using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchyard.Testing;
using Switchyard.Functions.Tests.BuiltIn;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class RouterAndBuiltInTests
{
    private const string GinJson = "application/json; charset=utf-8";

    [Fact]
    public async Task Unknown_path_answers_gin_404_marked_incomplete()
    {
        await using var gateway = await TestGateway.StartAsync(Users());

        var answer = await gateway.GetAnswerAsync("/nowhere");

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.Completed.Should().Be("false");
        answer.ContentType.Should().Be("text/plain");
        answer.Body.Should().Be("404 page not found");
    }

    [Fact]
    public async Task Wrong_method_answers_gin_405_marked_incomplete()
    {
        await using var gateway = await TestGateway.StartAsync(Users());

        var answer = await GatewayAnswer.ReadAsync(await gateway.Client.DeleteAsync("/users"));

        answer.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        answer.Completed.Should().Be("false");
        answer.ContentType.Should().Be("text/plain");
        answer.Body.Should().Be("405 method not allowed");
    }

    [Theory]
    [InlineData("GET", "/users/", HttpStatusCode.MovedPermanently)]
    [InlineData("POST", "/users/", HttpStatusCode.TemporaryRedirect)]
    [InlineData("GET", "/USERS", HttpStatusCode.MovedPermanently)]
    [InlineData("POST", "/Users/", HttpStatusCode.TemporaryRedirect)]
    public async Task A_trailing_slash_or_case_mismatch_redirects_to_the_endpoint(string method, string path, HttpStatusCode status)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/users", "method": "{{method}}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/u"}]}
            """));

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(status);
        response.Headers.Location!.OriginalString.Should().Be("/users");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task The_router_error_body_replaces_gins_404_and_405_text_with_json()
    {
        await using var gateway = await TestGateway.StartAsync(Users("""
            "extra_config": {"router": {"error_body": {"404": {"msg": "not here", "code": 404}, "405": {"msg": "<no>"}}}}
            """));

        var notFound = await gateway.GetAnswerAsync("/nowhere");
        var wrongMethod = await GatewayAnswer.ReadAsync(await gateway.Client.DeleteAsync("/users"));

        notFound.Status.Should().Be(HttpStatusCode.NotFound);
        notFound.ContentType.Should().Be(GinJson);
        notFound.Completed.Should().Be("false");
        notFound.Body.Should().Be("""{"code":404,"msg":"not here"}""");
        wrongMethod.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        wrongMethod.ContentType.Should().Be(GinJson);
        wrongMethod.Body.Should().Be("""{"msg":"\u003cno\u003e"}""");
        wrongMethod.Response.Content.Headers.Allow.Should().Equal("GET");
    }

    [Fact]
    public async Task Auto_options_answers_each_endpoint_path_with_its_methods()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/foo", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/a"}]},
            {"endpoint": "/foo", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/a"}]},
            {"endpoint": "/bar/{id}", "method": "DELETE", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/a"}]}
            """, """ "extra_config": {"router": {"auto_options": true}} """));

        using var foo = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/foo"));
        using var bar = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/bar/7"));

        foo.StatusCode.Should().Be(HttpStatusCode.OK);
        foo.Content.Headers.Allow.Should().Equal("GET", "POST");
        (await foo.Content.ReadAsStringAsync()).Should().BeEmpty();
        bar.Content.Headers.Allow.Should().Equal("DELETE");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_auto_options_an_options_request_is_405()
    {
        await using var gateway = await TestGateway.StartAsync(Users());

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/users"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Health_answers_ok_with_the_time_and_no_completed_header()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 500, TimeSpan.Zero));
        await using var gateway = await TestGateway.StartAsync(Users(), clock);

        var answer = await gateway.GetAnswerAsync("/__health");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().BeNull();
        answer.ContentType.Should().Be(GinJson);
        answer.Body.Should().Be("""{"agents":{},"now":"2024-01-02 03:04:05.5 +0000 UTC","status":"ok"}""");
    }

    [Fact]
    public async Task Health_path_moves_the_health_endpoint()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var gateway = await TestGateway.StartAsync(Users(""" "extra_config": {"router": {"health_path": "/status"}} """), clock);

        var moved = await gateway.GetAnswerAsync("/status");
        var old = await gateway.GetAnswerAsync("/__health");

        moved.Status.Should().Be(HttpStatusCode.OK);
        moved.Body.Should().Be("""{"agents":{},"now":"2024-01-02 03:04:05 +0000 UTC","status":"ok"}""");
        old.Status.Should().Be(HttpStatusCode.NotFound);
        old.Body.Should().Be("404 page not found");
    }

    [Fact]
    public async Task Disable_health_removes_the_health_endpoint()
    {
        await using var gateway = await TestGateway.StartAsync(Users(""" "extra_config": {"router": {"disable_health": true}} """));

        var answer = await gateway.GetAnswerAsync("/__health");

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("404 page not found");
    }

    [Fact]
    public async Task Debug_endpoint_logs_the_request_with_credential_headers_redacted()
    {
        using var logs = new CapturedLogs();
        await using var gateway = await TestGateway.StartAsync(Users("\"debug_endpoint\": true"), logs);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__debug/x") { Content = new StringContent("ping") };
        request.Headers.Add("Authorization", "Bearer debug-secret-token");
        request.Headers.Add("Cookie", "session=debug-secret-cookie");
        request.Headers.Add("X-Test", "shown");

        (await gateway.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        var line = logs.Entries.Single(entry => entry.Message.StartsWith("[ENDPOINT: /__debug/*]", StringComparison.Ordinal)).Message;
        line.Should().Contain("Authorization: [redacted]").And.Contain("Cookie: [redacted]").And.Contain("X-Test: shown");
        line.Should().NotContain("debug-secret");
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK, """{"message":"pong"}""")]
    [InlineData(false, HttpStatusCode.NotFound, "404 page not found")]
    public async Task Debug_endpoint_answers_pong_only_when_enabled(bool enabled, HttpStatusCode status, string body)
    {
        await using var gateway = await TestGateway.StartAsync(Users($"\"debug_endpoint\": {(enabled ? "true" : "false")}"));

        var answer = await GatewayAnswer.ReadAsync(await gateway.Client.PostAsync("/__debug/x", new StringContent("ping")));

        answer.Status.Should().Be(status);
        answer.Body.Should().Be(body);
    }

    [Fact]
    public async Task Echo_endpoint_answers_the_request_fields_in_order()
    {
        await using var gateway = await TestGateway.StartAsync(Users("\"echo_endpoint\": true"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/__echo/x?b=2&a=1");
        request.Headers.Add("X-Test", "yes");

        var answer = await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.ContentType.Should().Be(GinJson);
        answer.Body.Should().Be(
            $$$"""{"req_uri":"/__echo/x?b=2\u0026a=1","req_uri_details":{"fragment":"","host":"{{{gateway.BaseAddress.Authority}}}","path":"/__echo/x","query":"a=1\u0026b=2","user":""},"req_method":"GET","req_querystring":{"a":["1"],"b":["2"]},"req_body":"","req_headers":{"X-Test":["yes"]}}""");
    }

    [Fact]
    public async Task Echo_endpoint_is_absent_unless_enabled()
    {
        await using var gateway = await TestGateway.StartAsync(Users());

        var answer = await gateway.GetAnswerAsync("/__echo/x?a=1");

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.Body.Should().Be("404 page not found");
    }

    [Theory]
    [InlineData(30_000_001)]
    [InlineData(40 * 1024 * 1024)]
    public async Task A_declared_body_over_the_limit_is_refused_with_413_and_no_stack_trace(int length)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/upload", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/u"}]}
            """));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new ByteArrayContent(new byte[length]) };
        request.Headers.ExpectContinue = true;

        var answer = await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));

        answer.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("413 request entity too large");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_and_no_stack_trace()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/upload", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/u"}]}
            """));

        var response = await SendOversizedChunkedAsync(gateway.BaseAddress, "/upload", 31 * 1024 * 1024);

        response.Should().StartWith("HTTP/1.1 413 ");
        response.Should().Contain("X-KrakenD-Completed: false");
        response.Should().Contain("\r\n413 request entity too large\r\n").And.NotContain("Exception");
        backend.Received.Should().BeEmpty();
    }

    // The server answers 413 as soon as the limit is passed and closes the connection while the client is still
    // sending: the answer is read while sending, and a write refused after the answer came is expected.
    private static async Task<string> SendOversizedChunkedAsync(Uri gateway, string path, int size)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(gateway.Host, gateway.Port);
        var stream = client.GetStream();
        var reading = ReadToEndAsync(stream);
        var chunk = new byte[64 * 1024];
        var header = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (var sent = 0; sent < size && !reading.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(header);
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server closed after answering; the answer is what the test reads.
        }

        return await reading;
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[8192];
        var received = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the whole answer arrived.
        }

        return received.ToString();
    }

    [Theory]
    [InlineData("GET /users HTTP/1.1\r\nHost: a\r\nConnection: close\r\nBroken header line\r\n\r\n")]
    [InlineData("GET /users HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Length: nope\r\n\r\n")]
    [InlineData("POST /users HTTP/1.1\r\nHost: a\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("GET /users/%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /users\u0001 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")]
    public async Task A_malformed_request_gets_a_4xx_without_a_stack_trace(string rawRequest)
    {
        await using var gateway = await TestGateway.StartAsync(Users());

        var response = await SendRawAsync(gateway.BaseAddress, rawRequest);

        response.Should().MatchRegex(@"^HTTP/1\.1 4\d\d ");
        response.Should().NotContain("Exception").And.NotContain(" at ").And.NotContain(".cs:");
    }

    private static string Users(string rootKeys = "") => TestGateway.Config($$"""
        {"endpoint": "/users", "backend": [{"host": ["{{ClosedPort.Host()}}"], "url_pattern": "/u"}]}
        """, rootKeys);

    // HttpClient refuses to send a broken request, so these go over a plain socket; every one asks the server to close.
    private static async Task<string> SendRawAsync(Uri gateway, string rawRequest)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(gateway.Host, gateway.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(rawRequest));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var buffer = new byte[8192];
        var received = new StringBuilder();
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            received.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}

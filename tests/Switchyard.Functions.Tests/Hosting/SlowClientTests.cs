using System.Net.Sockets;
using System.Text;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class SlowClientTests
{
    [Fact]
    public async Task A_body_slower_than_the_endpoint_timeout_is_answered_408_and_never_reaches_the_backend()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/upload", "method": "POST", "timeout": "300ms",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/u"}]}
            """));
        using var client = new TcpClient();
        await client.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
        var stream = client.GetStream();

        // Ten bytes announced, one sent: the rest never comes.
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nx"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        answer.Should().StartWith("HTTP/1.1 408 ");
        answer.Should().Contain("408 request timeout").And.NotContain("Exception");
        backend.Received.Should().BeEmpty();
    }
}

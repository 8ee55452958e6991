using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchyard.Functions.Cli;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-run-").FullName;

    [Fact]
    public async Task Run_with_a_port_listens_on_the_files_listen_ip_only()
    {
        var path = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(path, """{"version": 3, "port": 1, "listen_ip": "127.0.0.1"}""");
        var port = new Uri(ClosedPort.Host()).Port;
        using var stop = new CancellationTokenSource();
        var run = RunCommand.RunAsync(path, port, stop.Token);
        try
        {
            var response = await UntilAnsweredAsync(new Uri($"http://127.0.0.1:{port}/__health"), run);
            response.Should().Be(HttpStatusCode.OK);

            // Every interface (the default) would take IPv6 loopback too; bound to 127.0.0.1 it refuses it.
            // (A machine without IPv6 refuses it as well.)
            var connect = async () =>
            {
                using var ipv6 = new TcpClient(AddressFamily.InterNetworkV6);
                await ipv6.ConnectAsync(IPAddress.IPv6Loopback, port);
            };
            await connect.Should().ThrowAsync<SocketException>();
        }
        finally
        {
            await stop.CancelAsync();
            (await run).Should().Be(0);
        }
    }

    [Theory]
    [InlineData(false, HttpStatusCode.NotFound)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task Run_with_debug_serves_the_debug_endpoint_the_file_leaves_off(bool debug, HttpStatusCode expected)
    {
        var path = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(path, """{"version": 3, "listen_ip": "127.0.0.1"}""");
        var port = new Uri(ClosedPort.Host()).Port;
        using var stop = new CancellationTokenSource();
        var run = RunCommand.RunAsync(path, port, stop.Token, debug: debug);
        try
        {
            (await UntilAnsweredAsync(new Uri($"http://127.0.0.1:{port}/__debug/playground"), run)).Should().Be(expected);
        }
        finally
        {
            await stop.CancelAsync();
            (await run).Should().Be(0);
        }
    }

    /// <summary>The gateway starts in the background: ask until it answers, failing at once if the command ended.</summary>
    private static async Task<HttpStatusCode> UntilAnsweredAsync(Uri uri, Task<int> run)
    {
        using var client = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            run.IsCompleted.Should().BeFalse("the run command serves until it is stopped");
            try
            {
                using var response = await client.GetAsync(uri);
                return response.StatusCode;
            }
            catch (HttpRequestException) when (waited.Elapsed < StartTimeout)
            {
                await Task.Delay(50);
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

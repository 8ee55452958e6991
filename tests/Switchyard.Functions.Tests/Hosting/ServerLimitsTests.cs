using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchyard.Functions.Tests.Security;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// The root keys of Go's <c>http.Server</c> on Kestrel: <c>max_header_bytes</c>, <c>read_header_timeout</c> and
/// <c>idle_timeout</c>. The waits are bounds for a behaviour (the defaults would keep the connection open far longer), not
/// performance measures.
/// </summary>
public sealed class ServerLimitsTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Max_header_bytes_answers_431_above_the_limit_and_lets_smaller_requests_through()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host, "\"max_header_bytes\": 4096"), port: 0);

        using var large = new HttpRequestMessage(HttpMethod.Get, "/e") { Headers = { { "X-Filler", new string('a', 8 * 1024) } } };
        using var small = new HttpRequestMessage(HttpMethod.Get, "/e") { Headers = { { "X-Filler", new string('a', 2 * 1024) } } };
        using var tooLarge = await gateway.Client.SendAsync(large);
        using var fine = await gateway.Client.SendAsync(small);

        tooLarge.StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
        fine.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task Over_http2_a_header_krakend_accepts_reaches_the_gateway()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(
            Config(backend.Host, certificates.Tls("\"min_version\": \"TLS12\"")), port: 0,
            clientHandler: CustomRootTrust.Handler(certificates.Authority.Certificate));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/e")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Headers = { { "X-Filler", new string('a', 100 * 1024) } },
        };
        using var answer = await gateway.Client.SendAsync(request);

        answer.Version.Should().Be(HttpVersion.Version20);
        answer.StatusCode.Should().Be(HttpStatusCode.OK, "Kestrel's own HTTP/2 field limit (16 KiB) is raised to max_header_bytes, as Go applies it");
    }

    [Fact]
    public async Task Read_header_timeout_closes_a_connection_whose_headers_do_not_come()
    {
        await using var gateway = await TestGateway.StartAsync(Config(ClosedPort.Host(), "\"read_header_timeout\": \"1s\""), port: 0);
        using var tcp = await ConnectAsync(gateway.BaseAddress);
        var stream = tcp.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /e HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        var closed = await ReadUntilClosedAsync(stream);

        closed.Should().BeTrue("the headers never end, and the 30 s default would still be waiting");
    }

    [Fact]
    public async Task Idle_timeout_closes_a_kept_alive_connection_that_stays_idle()
    {
        await using var gateway = await TestGateway.StartAsync(Config(ClosedPort.Host(), "\"idle_timeout\": \"1s\""), port: 0);
        using var tcp = await ConnectAsync(gateway.BaseAddress);
        var stream = tcp.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /__health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        var closed = await ReadUntilClosedAsync(stream);

        closed.Should().BeTrue("after its answer the connection idles, and the 130 s default would keep it");
    }

    private static string Config(string backendHost, string rootKeys) =>
        TestGateway.Config($$"""{"endpoint": "/e", "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/"}]}""", rootKeys);

    private static async Task<TcpClient> ConnectAsync(Uri address)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        return tcp;
    }

    /// <summary>Reads (and drops) what comes until the server closes the connection; false when it is still open after <see cref="Bound"/>.</summary>
    private static async Task<bool> ReadUntilClosedAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

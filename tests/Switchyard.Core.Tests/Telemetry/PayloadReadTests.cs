using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.OpenTelemetry;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry;

/// <summary>
/// <c>read_payload</c>: reading a backend's body as a span of its own under the backend span and as KrakenD's read
/// metrics, against real loopback backends, and off when a present layer object leaves it out.
/// </summary>
public sealed class PayloadReadTests
{
    private const string Body = """{"name": "ada"}""";
    private const string Tracker = "http.client.response.read.tracker";
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    // Each test's routes carry this, so measurements of tests running in parallel are told apart.
    private readonly string _unique = "r" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Reading_the_body_is_a_span_under_the_backend_call_and_is_measured_with_the_backends_labels()
    {
        await using var backend = await TestBackend.StartAsync(Body);
        using var spans = new SpanRecorder(GatewayTracing.PayloadSourceName);
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var telemetry = new OpenTelemetryOptions
        {
            Backend = new BackendLayerOptions
            {
                Traces = BackendSignalOptions.AllOn with { StaticAttributes = [new("team", "payments")] },
                Metrics = BackendSignalOptions.AllOn with { StaticAttributes = [new("zone", "eu")] },
            },
        };

        (await Pipe(backend, telemetry)(Request(), default)).IsComplete.Should().BeTrue();

        var read = spans.From(GatewayTracing.PayloadSourceName).Should().ContainSingle().Subject;
        read.DisplayName.Should().Be(Tracker);
        read.ParentSpanId.Should().Be(spans.Named("/items").SpanId, "the body is read inside the backend call");
        read.GetTagItem("http.client.response.read.size").Should().Be(System.Text.Encoding.UTF8.GetByteCount(Body));
        read.GetTagItem("http.client.response.read.time").Should().BeOfType<double>().Which.Should().BeGreaterThan(0);
        read.GetTagItem("team").Should().Be("payments");
        read.Status.Should().NotBe(ActivityStatusCode.Error);

        var size = metrics.Of("http.client.response.read.size-hist", ("krakend.endpoint.route", $"/{_unique}")).Should().ContainSingle().Subject;
        size.Unit.Should().Be("By");
        size.Value.Should().Be(System.Text.Encoding.UTF8.GetByteCount(Body));
        size.Tags.Should().Equal(new Dictionary<string, string>
        {
            ["http.request.method"] = "GET", ["http.route"] = "/items", ["krakend.endpoint.route"] = $"/{_unique}",
            ["krakend.endpoint.method"] = "GET", ["zone"] = "eu",
        });
        metrics.Of("http.client.response.read.time-hist", ("krakend.endpoint.route", $"/{_unique}")).Should().ContainSingle()
            .Which.Value.Should().BeGreaterThan(0);
        metrics.Of("http.client.response.read.errors", ("krakend.endpoint.route", $"/{_unique}")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_cut_short_fails_its_span_and_counts_an_error()
    {
        // A server of raw bytes: the headers promise 100 bytes, 10 follow, then the connection closes (its FIN comes
        // after every byte written, so the client always has the headers and reads a body that ends too soon).
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var serving = Task.Run(async () =>
        {
            using var connection = await server.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var request = new byte[4096];
            _ = await stream.ReadAsync(request);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\": \""u8.ToArray());
            connection.Client.Shutdown(SocketShutdown.Send);
            _ = await stream.ReadAsync(request);
        });
        using var spans = new SpanRecorder(GatewayTracing.PayloadSourceName);
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);

        var host = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}";
        (await Pipe(host, new OpenTelemetryOptions())(Request(), default)).IsComplete.Should().BeFalse();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        spans.From(GatewayTracing.PayloadSourceName).Should().ContainSingle().Which.Status.Should().Be(ActivityStatusCode.Error);
        metrics.Of("http.client.response.read.errors", ("krakend.endpoint.route", $"/{_unique}")).Should().ContainSingle().Which.Value.Should().Be(1);
        metrics.Of("http.client.response.read.size-hist", ("krakend.endpoint.route", $"/{_unique}")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_present_layer_object_without_read_payload_reads_the_body_untracked()
    {
        await using var backend = await TestBackend.StartAsync(Body);
        using var spans = new SpanRecorder(GatewayTracing.PayloadSourceName);
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var roundTripOnly = new BackendSignalOptions { RoundTrip = true };
        var telemetry = new OpenTelemetryOptions { Backend = new BackendLayerOptions { Traces = roundTripOnly, Metrics = roundTripOnly } };

        (await Pipe(backend, telemetry)(Request(), default)).IsComplete.Should().BeTrue();

        spans.Named("/items").Should().NotBeNull("the backend call itself is traced");
        spans.From(GatewayTracing.PayloadSourceName).Should().BeEmpty();
        metrics.Of("krakend.backend.duration", ("krakend.endpoint.route", $"/{_unique}")).Should().ContainSingle();
        metrics.All.Should().NotContain(m => m.Instrument.StartsWith("http.client.response.read.", StringComparison.Ordinal) && m.Tags.GetValueOrDefault("krakend.endpoint.route") == $"/{_unique}");
    }

    private Proxy Pipe(TestBackend backend, OpenTelemetryOptions telemetry) => Pipe(backend.Host, telemetry);

    private Proxy Pipe(string host, OpenTelemetryOptions telemetry) =>
        new ProxyFactory(Client, DecoderRegistry.Default, telemetry: telemetry).CreateEndpoint(new EndpointConfig
        {
            Endpoint = $"/{_unique}",
            Backends = [new BackendConfig { Host = [host], UrlPattern = "/items" }],
        });

    private static ProxyRequest Request() => new() { Method = "GET", Path = "/x" };
}

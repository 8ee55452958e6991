using System.Net;
using Switchyard.Testing;
using Switchyard.Testing.Otlp;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// The backend layer's round-trip parts as an OTLP collector receives them: <c>round_trip</c>, <c>read_payload</c> and
/// <c>detailed_connection</c>, all on when the layer's objects are absent (KrakenD's default), each off when a present
/// object leaves it out.
/// </summary>
public sealed class BackendRoundTripExportTests
{
    private const string Body = """{"id": 1}""";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static bool IsBackendSpan(ReceivedSpan span) => span.Name == "/u/{id}" && span.Attribute("krakend.stage") == "backend";

    [Fact]
    public async Task By_default_the_round_trip_the_body_read_and_the_connection_are_each_reported()
    {
        await using var backend = await TestBackend.StartAsync(Body);
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver)}} }
            """));

        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.OK);

        var spans = await receiver.WaitForSpansAsync(
            all => all.Any(IsBackendSpan) && all.Any(span => span.Name == "http.client.response.read.tracker")
                && all.Any(span => span.Scope == "Experimental.System.Net.Http.Connections"),
            Wait);
        var call = spans.Single(IsBackendSpan);
        var read = spans.Single(span => span.Name == "http.client.response.read.tracker");
        read.ParentSpanId.Should().Be(call.SpanId, "the body is read inside the backend call");
        read.Attribute("http.client.response.read.size").Should().Be(System.Text.Encoding.UTF8.GetByteCount(Body).ToString(System.Globalization.CultureInfo.InvariantCulture));
        read.Attributes.Should().ContainKey("http.client.response.read.time");
        spans.Should().Contain(span => span.Scope == "System.Net.Http" && span.ParentSpanId == call.SpanId, "the round trip sits under the backend call");

        var size = await receiver.WaitForHistogramAsync("http.client.response.read.size-hist", "/u/:id", Wait);
        size.Unit.Should().Be("By");
        await receiver.WaitForHistogramAsync("http.client.response.read.time-hist", "/u/:id", Wait);
        // Getting the connection: the first request waited for one (a connection's own duration comes when it closes).
        await receiver.WaitForMetricAsync("http.client.request.time_in_queue", Wait);
        receiver.MetricNames.Should().Contain("http.client.request.duration")
            .And.NotContain(["http.client.active_requests", "http.client.open_connections"], "each moves twice per backend call and KrakenD reports neither");
    }

    [Fact]
    public async Task A_present_layer_object_reports_only_the_parts_it_names()
    {
        await using var backend = await TestBackend.StartAsync(Body);
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver, """
              "layers": {"backend": {"traces": {"round_trip": true}, "metrics": {"round_trip": true}}}
              """)}} }
            """));

        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.OK);

        var spans = await receiver.WaitForSpansAsync(all => all.Any(IsBackendSpan) && all.Any(span => span.Scope == "System.Net.Http"), Wait);
        await receiver.WaitForHistogramAsync("krakend.backend.duration", "/u/:id", Wait);
        await receiver.WaitForMetricAsync("http.client.request.duration", Wait);

        // The metrics of the same request, exported after its spans: nothing of the body read or the connection.
        spans.Should().NotContain(span => span.Name == "http.client.response.read.tracker");
        receiver.Spans.Should().NotContain(span => span.Scope.StartsWith("Experimental.System.Net", StringComparison.Ordinal));
        receiver.MetricNames.Should().NotContain(["http.client.response.read.size-hist", "http.client.response.read.time-hist", "http.client.request.time_in_queue"]);
    }
}

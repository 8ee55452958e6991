using System.Net;
using Switchyard.Testing;
using Switchyard.Testing.Otlp;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// The global layer as an OTLP collector receives it: the server span of each request, its trace continued from the
/// client, and the request-duration histogram; and each switch that changes what is exported.
/// </summary>
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static bool IsUserSpan(ReceivedSpan span) => span.Name == "GET /users/{id}";

    // The HttpClient's spans are named by the method too: the server one is the gateway's.
    private static bool IsUnmatched(ReceivedSpan span) => span.Name == "GET" && span.Kind == "Server";

    [Fact]
    public async Task Each_request_has_a_server_span_named_by_its_route_that_continues_the_client_trace()
    {
        await using var backend = await TestBackend.StartAsync("""{"id": 1}""");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { "service_version": "1.2.3", "deploy_env": "test", {{TelemetryGateway.OtlpTo(receiver, """
              "layers": {"global": {"traces_static_attributes": [{"key": "team", "value": "payments"}]}}
              """)}} }
            """));
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        const string clientSpan = "b7ad6b7169203331";

        using var request = new HttpRequestMessage(HttpMethod.Get, "users/42");
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpan}-01");
        (await gateway.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("nowhere/7")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var spans = await receiver.WaitForSpansAsync(all => all.Any(IsUserSpan) && all.Any(IsUnmatched), Wait);
        var server = spans.Single(IsUserSpan);
        server.TraceId.Should().Be(traceId);
        server.ParentSpanId.Should().Be(clientSpan);
        server.Kind.Should().Be("Server");
        server.Scope.Should().Be("Switchyard");
        server.Status.Should().Be("Unset");
        server.Attributes.Should().Contain(new Dictionary<string, object?>
        {
            ["krakend.stage"] = "global",
            ["http.request.method"] = "GET",
            ["http.route"] = "/users/{id}",
            ["url.path"] = "/users/42",
            ["url.scheme"] = "http",
            ["http.response.status_code"] = 200L,
            ["team"] = "payments",
        });
        server.Resource.Should().Contain(new Dictionary<string, object?>
        {
            ["service.name"] = "telemetry test",
            ["service.version"] = "1.2.3",
            ["deployment.environment"] = "test",
        });
        server.Resource.Should().ContainKey("service.instance.id");

        // The pipe's span under the server span, the backend call's under it, and the backend round trip (on by
        // default) under that: the HttpClient's client span, whose trace context the backend received.
        var pipe = spans.Single(span => span.ParentSpanId == server.SpanId);
        pipe.Attribute("krakend.stage").Should().Be("proxy");
        var call = spans.Single(span => span.ParentSpanId == pipe.SpanId);
        call.Attribute("krakend.stage").Should().Be("backend");
        var roundTrip = spans.Single(span => span.Scope == "System.Net.Http");
        roundTrip.TraceId.Should().Be(traceId);
        roundTrip.ParentSpanId.Should().Be(call.SpanId);
        backend.Received.Single().Headers["traceparent"].ToString().Should().StartWith($"00-{traceId}-{roundTrip.SpanId}-");

        // A path no route matches is named by its method alone, without the raw path.
        var unmatched = spans.Single(IsUnmatched);
        unmatched.Attributes.Should().NotContainKey("http.route");
        unmatched.Attribute("http.response.status_code").Should().Be("404");
    }

    [Fact]
    public async Task A_failing_request_marks_its_span_as_an_error_and_the_duration_histogram_has_the_route_labels()
    {
        await using var backend = await TestBackend.StartAsync("{}", status: 500);
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver, """
              "layers": {"global": {"metrics_static_attributes": [{"key": "region", "value": "westeurope"}]}}
              """)}} }
            """));

        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        var server = (await receiver.WaitForSpansAsync(all => all.Any(IsUserSpan), Wait)).Single(IsUserSpan);
        server.Status.Should().Be("Error");
        server.Attribute("error.type").Should().Be("500");
        var point = await receiver.WaitForHistogramAsync("http.server.duration", "/users/{id}", Wait);
        point.Unit.Should().Be("s");
        point.Attributes.Should().Contain(new Dictionary<string, object?>
        {
            ["http.request.method"] = "GET",
            ["url.scheme"] = "http",
            ["http.route"] = "/users/{id}",
            ["http.response.status_code"] = 500L,
            ["region"] = "westeurope",
        });
    }

    [Fact]
    public async Task Disable_propagation_starts_a_new_trace_and_report_headers_never_reports_credentials()
    {
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver, """
              "layers": {"global": {"disable_propagation": true, "report_headers": true, "skip_headers": ["X-Internal"]}}
              """)}} }
            """));
        const string traceId = "0af7651916cd43dd8448eb211c80319c";

        using var request = new HttpRequestMessage(HttpMethod.Get, "users/1");
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");
        request.Headers.Add("Authorization", "Bearer secret-token");
        request.Headers.Add("Cookie", "session=secret-cookie");
        request.Headers.Add("X-Internal", "hidden");
        request.Headers.Add("X-Tenant", "acme");
        (await gateway.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        var server = (await receiver.WaitForSpansAsync(all => all.Any(IsUserSpan), Wait)).Single(IsUserSpan);
        server.TraceId.Should().NotBe(traceId);
        server.ParentSpanId.Should().BeEmpty();
        server.Attributes["http.request.header.x-tenant"].Should().BeEquivalentTo(new object[] { "acme" });
        server.Attributes.Keys.Should().NotContain(["http.request.header.authorization", "http.request.header.cookie", "http.request.header.x-internal"]);
        server.Attributes.Values.Select(value => value is object[] items ? string.Join(",", items) : value?.ToString())
            .Should().NotContain(value => value != null && value.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disable_traces_exports_no_server_span_while_metrics_still_go()
    {
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver, """ "layers": {"global": {"disable_traces": true}} """)}} }
            """));

        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.OK);

        await receiver.WaitForHistogramAsync("http.server.duration", "/users/{id}", Wait);
        await Task.Delay(500);
        receiver.Spans.Should().NotContain(span => span.Attribute("krakend.stage") == "global");
    }

    [Fact]
    public async Task Disable_metrics_exports_no_request_duration_while_spans_still_go()
    {
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver, """ "layers": {"global": {"disable_metrics": true}} """)}} }
            """));

        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.OK);

        await receiver.WaitForSpansAsync(all => all.Any(IsUserSpan), Wait);

        // Two reporting periods (1 s each) after the span.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        receiver.Histograms.Should().NotContain(point => point.Metric.StartsWith("http.server.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Skip_paths_silence_the_metrics_of_their_routes_but_not_their_spans()
    {
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver, """ "skip_paths": ["/skipped"], "layers": {"global": {"semantic_convention": "1.27"}} """)}} }
            """));

        (await gateway.Client.GetAsync("skipped")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The 1.27 name, and the health checks of the start now counted: the default skip paths were replaced.
        await receiver.WaitForHistogramAsync("http.server.request.duration", "/users/{id}", Wait);
        await receiver.WaitForHistogramAsync("http.server.request.duration", "/__health", Wait);
        (await receiver.WaitForHistogramAsync("http.server.response.body.size", "/users/{id}", Wait)).Unit.Should().Be("By");
        await receiver.WaitForSpansAsync(all => all.Any(span => span.Name == "GET /skipped"), Wait);
        receiver.Histograms.Should().NotContain(point => Equals(point.Attributes.GetValueOrDefault("http.route"), "/skipped"));
        receiver.Histograms.Should().NotContain(point => point.Metric == "http.server.duration" || point.Metric == "http.server.response.size");
    }

    [Fact]
    public async Task The_default_skip_paths_silence_the_health_endpoint()
    {
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { {{TelemetryGateway.OtlpTo(receiver)}} }
            """));

        (await gateway.Client.GetAsync("__health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.OK);

        await receiver.WaitForHistogramAsync("http.server.duration", "/users/{id}", Wait);
        receiver.Histograms.Should().NotContain(point => Equals(point.Attributes.GetValueOrDefault("http.route"), "/__health"));
    }

    [Fact]
    public async Task A_sample_rate_of_one_half_keeps_about_half_of_the_traces()
    {
        const int requests = 200;
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { "trace_sample_rate": 0.5, {{TelemetryGateway.OtlpTo(receiver)}} }
            """));

        await SendAsync(gateway, requests);

        var kept = await SettledCountAsync(receiver);
        // Binomial(200, 0.5): the standard deviation is about 7; 60..140 is more than five of them either side.
        kept.Should().BeInRange(60, 140);
    }

    [Fact]
    public async Task A_sample_rate_of_zero_keeps_every_trace_as_KrakenD_does()
    {
        const int requests = 30;
        await using var backend = await TestBackend.StartAsync("{}");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$"""
            { "trace_sample_rate": 0, {{TelemetryGateway.OtlpTo(receiver)}} }
            """));

        await SendAsync(gateway, requests);

        await receiver.WaitForSpansAsync(all => all.Count(IsUserSpan) == requests, Wait);
    }

    private static async Task SendAsync(TelemetryGateway gateway, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            (await gateway.Client.GetAsync($"users/{i}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    // The number of user spans once no new one has arrived for 2 s (batches leave every 100 ms).
    private static async Task<int> SettledCountAsync(OtlpReceiver receiver)
    {
        var count = -1;
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = receiver.Spans.Count(IsUserSpan);
            if (now == count)
            {
                return now;
            }

            count = now;
        }

        throw new TimeoutException($"Spans kept arriving for {Wait.TotalSeconds} s ({count} so far).");
    }
}

using System.Diagnostics;
using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Jwt;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.OpenTelemetry;
using Switchyard.Core.Telemetry.Tracing;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Tracing;

public sealed class PipeSpansTests
{
    private static string Aggregation(string host, string inputHeaders = "") => $$"""
        {"version": 3, "host": ["{{host}}"], "timeout": "10s", "endpoints": [{
          "endpoint": "/users/{id}", {{inputHeaders}}
          "backend": [
            {"url_pattern": "/profile/{id}", "group": "user"},
            {"url_pattern": "/orders?owner={id}&api_key=k-123", "group": "orders"}
          ]}]}
        """;

    [Fact]
    public async Task An_aggregation_has_a_proxy_span_with_a_backend_span_per_backend_each_sent_to_its_backend()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var pipe = TracedPipe.Compile(Aggregation(backend.Host));
        using var spans = new SpanRecorder();

        var response = await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);

        response.Error.Should().BeNull();
        var proxy = spans.Named("/users/{id}");
        proxy.ParentSpanId.Should().Be(spans.Root.SpanId);
        proxy.GetTagItem("krakend.stage").Should().Be("proxy");
        proxy.GetTagItem("http.route").Should().Be("/users/{id}");
        proxy.GetTagItem("http.request.method").Should().Be("GET");
        proxy.GetTagItem("complete").Should().Be(true);
        proxy.Status.Should().Be(ActivityStatusCode.Unset);

        var backends = spans.ChildrenOf(proxy);
        backends.Select(s => s.DisplayName).Should().BeEquivalentTo("/profile/{id}", "/orders");
        var user = spans.Named("/profile/{id}");
        user.Kind.Should().Be(ActivityKind.Client);
        user.GetTagItem("krakend.stage").Should().Be("backend");
        user.GetTagItem("switchyard.backend.group").Should().Be("user");
        user.GetTagItem("switchyard.step").Should().Be(0);
        user.GetTagItem("server.address").Should().Be("127.0.0.1");
        user.GetTagItem("server.port").Should().Be(new Uri(backend.Host).Port);
        user.GetTagItem("url.full").Should().Be(backend.Host + "/profile/42");
        user.GetTagItem("http.response.status_code").Should().Be(200);

        var orders = spans.Named("/orders");
        orders.GetTagItem("switchyard.step").Should().Be(1);
        orders.GetTagItem("url.full").Should().Be(backend.Host + "/orders?owner=REDACTED&api_key=REDACTED", "query values may be keys");

        var received = backend.Received.ToDictionary(r => r.Target.Split('?')[0], r => r.Headers["traceparent"].ToString());
        received["/profile/42"].Should().Be(spans.TraceParentUnder(user));
        received["/orders"].Should().Be(spans.TraceParentUnder(orders));
    }

    [Fact]
    public async Task A_clients_traceparent_forwarded_by_input_headers_never_replaces_the_backend_spans()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var pipe = TracedPipe.Compile(Aggregation(backend.Host, """ "input_headers": ["*"], """));
        using var spans = new SpanRecorder();
        var forged = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["traceparent"] = [forged], ["tracestate"] = ["vendor=forged"], ["X-Tenant"] = ["t1"],
        };

        await pipe(TracedPipe.Request(headers, ("Id", "42")), default);

        var user = spans.Named("/profile/{id}");
        var received = backend.Received.Single(r => r.Target == "/profile/42");
        received.Headers["X-Tenant"].ToString().Should().Be("t1", "other headers are forwarded as configured");
        received.Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(user));
        received.Headers.ContainsKey("tracestate").Should().BeFalse();
    }

    [Fact]
    public async Task Reported_headers_never_carry_credentials_and_skip_headers_and_static_attributes_apply()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var endpoint = TracedPipe.Endpoint(Aggregation(backend.Host, """ "input_headers": ["*"], """));
        endpoint = endpoint with
        {
            // The validator reads its token from a header of its own: that header is a credential too.
            JwtValidator = new JwtValidatorOptions
            {
                Algorithm = "HS256", Keys = new JwkSourceOptions { LocalPath = "unused.json" }, AuthHeaderName = "X-Custom-Auth",
            },
            TelemetryProxy = new ProxyLayerOptions
            {
                ReportHeaders = true, SkipHeaders = ["X-Skip"], TracesStaticAttributes = [new("team", "core")],
            },
            Backends = [.. endpoint.Backends.Select(b => b with
            {
                TelemetryBackend = new BackendLayerOptions
                {
                    Traces = BackendSignalOptions.AllOn with { ReportHeaders = true, StaticAttributes = [new("tier", "gold")] },
                },
            })],
        };
        var pipe = TracedPipe.Compile(endpoint);
        using var spans = new SpanRecorder();
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = ["Bearer s3cr3t-token"],
            ["Cookie"] = ["session=c00kie-value"],
            ["Proxy-Authorization"] = ["Basic cHJveHk6cGFzcw=="],
            ["X-Custom-Auth"] = ["Bearer cust0m-token"],
            ["X-Tenant"] = ["t1"],
            ["X-Skip"] = ["hidden"],
        };

        await pipe(TracedPipe.Request(headers, ("Id", "42")), default);

        var proxy = spans.Named("/users/{id}");
        proxy.GetTagItem("team").Should().Be("core");
        proxy.GetTagItem("http.request.header.x-tenant").Should().BeEquivalentTo(new[] { "t1" });
        proxy.GetTagItem("http.request.header.authorization").Should().BeEquivalentTo(new[] { SensitiveHeaders.Redacted });
        proxy.GetTagItem("http.request.header.cookie").Should().BeEquivalentTo(new[] { SensitiveHeaders.Redacted });
        proxy.GetTagItem("http.request.header.x-custom-auth").Should().BeEquivalentTo(new[] { SensitiveHeaders.Redacted });
        proxy.GetTagItem("http.request.header.x-skip").Should().BeNull();
        var user = spans.Named("/profile/{id}");
        user.GetTagItem("tier").Should().Be("gold");
        user.GetTagItem("http.request.header.authorization").Should().BeEquivalentTo(new[] { SensitiveHeaders.Redacted });
        user.GetTagItem("http.request.header.x-skip").Should().BeEquivalentTo(new[] { "hidden" }, "the backend layer skips nothing here");

        var everyValue = spans.Spans.SelectMany(s => s.TagObjects).Select(t => t.Value switch
        {
            string[] values => string.Join(",", values),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        everyValue.Should().NotContain(v => v!.Contains("s3cr3t") || v.Contains("c00kie") || v.Contains("cHJveHk6cGFzcw") || v.Contains("cust0m"));
        backend.Received.Should().OnlyContain(r => r.Headers["Authorization"].ToString() == "Bearer s3cr3t-token", "only the spans are kept clean");
    }

    [Fact]
    public async Task Disable_traces_on_the_proxy_layer_leaves_the_backend_spans_under_the_caller()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var telemetry = new OpenTelemetryOptions { Proxy = new ProxyLayerOptions { DisableTraces = true } };
        var pipe = TracedPipe.Compile(Aggregation(backend.Host), telemetry);
        using var spans = new SpanRecorder();

        await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);

        spans.Spans.Should().HaveCount(2).And.OnlyContain(s => s.GetTagItem("krakend.stage") as string == "backend");
        spans.Spans.Should().OnlyContain(s => s.ParentSpanId == spans.Root.SpanId);
    }

    [Fact]
    public async Task An_endpoints_own_proxy_layer_overrides_the_services()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var telemetry = new OpenTelemetryOptions { Proxy = new ProxyLayerOptions { DisableTraces = true } };
        var endpoint = TracedPipe.Endpoint(Aggregation(backend.Host)) with { TelemetryProxy = new ProxyLayerOptions() };
        var pipe = TracedPipe.Compile(endpoint, telemetry);
        using var spans = new SpanRecorder();

        await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);

        spans.Named("/users/{id}").GetTagItem("krakend.stage").Should().Be("proxy");
    }

    [Fact]
    public async Task Disable_stage_on_a_backend_drops_its_span_and_its_call_carries_the_proxy_span()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var endpoint = TracedPipe.Endpoint(Aggregation(backend.Host));
        endpoint = endpoint with
        {
            Backends = [endpoint.Backends[0] with
            {
                TelemetryBackend = new BackendLayerOptions { Traces = new BackendSignalOptions { DisableStage = true } },
            }, endpoint.Backends[1]],
        };
        var pipe = TracedPipe.Compile(endpoint);
        using var spans = new SpanRecorder();

        await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);

        var proxy = spans.Named("/users/{id}");
        spans.ChildrenOf(proxy).Select(s => s.DisplayName).Should().Equal("/orders");
        backend.Received.Single(r => r.Target == "/profile/42").Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(proxy));
    }

    [Fact]
    public async Task A_skipped_path_reports_no_span_at_either_layer()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var telemetry = new OpenTelemetryOptions { SkipPaths = ["/users/{id}"] };
        var pipe = TracedPipe.Compile(Aggregation(backend.Host), telemetry);
        using var spans = new SpanRecorder();

        await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);

        backend.Received.Should().HaveCount(2);
        spans.Spans.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failing_backend_marks_its_span_and_the_pipes_failed_and_names_them_without_the_patterns_query()
    {
        await using var backend = await TestBackend.StartAsync("""{"error":true}""", status: 503);
        var pipe = TracedPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "endpoints": [{"endpoint": "/items",
              "backend": [{"url_pattern": "/things?sig=abc123"}]}]}
            """);
        using var spans = new SpanRecorder();

        var response = await pipe(TracedPipe.Request(), default);

        response.Error.Should().NotBeNull();
        var call = spans.Named("/things");
        call.Status.Should().Be(ActivityStatusCode.Error);
        call.StatusDescription.Should().StartWith("invalid status code 503").And.NotContain("abc123");
        call.GetTagItem("http.response.status_code").Should().Be(503);
        spans.Spans.Should().HaveCount(2).And.OnlyContain(s => s.Status == ActivityStatusCode.Error && !s.StatusDescription!.Contains("abc123"));
    }
}

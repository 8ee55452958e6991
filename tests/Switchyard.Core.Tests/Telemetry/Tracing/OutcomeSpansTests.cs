using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Tracing;

/// <summary>What the layers inside a backend span decided, as attributes of that span (or of the pipe's, for its policies).</summary>
public sealed class OutcomeSpansTests
{
    private static string OneBackend(string host, string backendExtra, string endpointExtra = "") => $$$"""
        {"version": 3, "host": ["{{{host}}}"], "endpoints": [{"endpoint": "/outcome/{id}", {{{endpointExtra}}}
          "backend": [{"url_pattern": "/thing", "extra_config": {{{{backendExtra}}}}}]}]}
        """;

    private static async Task<IReadOnlyList<Activity>> CallsAsync(string config, int calls)
    {
        var pipe = TracedPipe.Compile(config);
        using var spans = new SpanRecorder();
        for (var i = 0; i < calls; i++)
        {
            await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);
        }

        return [.. spans.Spans.Where(s => s.DisplayName == "/thing").OrderBy(s => s.StartTimeUtc)];
    }

    [Fact]
    public async Task The_circuit_breaker_reports_the_state_each_call_met()
    {
        await using var backend = await TestBackend.StartAsync("""{"down":true}""", status: 500);

        var calls = await CallsAsync(
            OneBackend(backend.Host, """ "qos/circuit-breaker": {"interval": 60, "timeout": 60, "max_errors": 0} """), calls: 2);

        calls.Select(c => c.GetTagItem("switchyard.circuit_breaker")).Should().Equal("closed", "open");
        calls[1].Status.Should().Be(ActivityStatusCode.Error);
        backend.Received.Should().HaveCount(1, "the open breaker let no call through");
    }

    [Fact]
    public async Task A_call_the_rate_limit_refuses_is_marked_rejected()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");

        var calls = await CallsAsync(
            OneBackend(backend.Host, """ "qos/ratelimit/proxy": {"max_rate": 1, "capacity": 1, "every": "1h"} """), calls: 2);

        calls[0].GetTagItem("switchyard.rate_limit").Should().BeNull();
        calls[1].GetTagItem("switchyard.rate_limit").Should().Be("rejected");
        calls[1].StatusDescription.Should().Be("rate limit exceded");
    }

    [Fact]
    public async Task The_cache_reports_a_miss_then_a_hit()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.Headers.CacheControl = "public, max-age=600";
            return TestBackend.Json(context, """{"cached":true}""");
        });

        var calls = await CallsAsync(OneBackend(backend.Host, """ "qos/http-cache": {} """), calls: 2);

        calls.Select(c => c.GetTagItem("switchyard.cache")).Should().Equal("miss", "hit");
        backend.Received.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_policy_decision_is_set_on_the_span_of_the_layer_it_guards()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var config = OneBackend(
            backend.Host,
            """ "security/policies": {"resp": {"policies": ["has(resp_data.ok)"]}} """,
            """ "extra_config": {"security/policies": {"req": {"policies": ["req_params.Id != '13'"], "error": {"status": 403, "body": "no"}}}}, """);
        var pipe = TracedPipe.Compile(config);
        using var spans = new SpanRecorder();

        await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);
        await pipe(TracedPipe.Request(parameters: ("Id", "13")), default);

        var pipes = spans.Spans.Where(s => s.DisplayName == "/outcome/{id}").OrderBy(s => s.StartTimeUtc).ToList();
        pipes.Select(p => p.GetTagItem("switchyard.policy")).Should().Equal("allowed", "denied");
        spans.Named("/thing").GetTagItem("switchyard.policy").Should().Be("allowed", "the backend's own policies passed");
    }
}

using System.Diagnostics;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Durable;

public sealed class DurableSpansTests
{
    [Fact]
    public async Task A_flow_has_one_orchestration_span_across_its_replays_and_each_step_call_sits_under_its_activity()
    {
        await using var backend = await DurableFlowTests.Backends();
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, """
            {"endpoint": "/u/{id}", "extra_config": {"proxy": {"sequential": true}},
             "backend": [
              {"url_pattern": "/users/{id}", "group": "user"},
              {"url_pattern": "/accounts/{resp0_user.id}", "mapping": {"account": "acct"}}]}
            """));
        using var spans = new SpanRecorder(GatewayTracing.DurableTaskSourceName);

        var state = await harness.DurableAsync(new ProxyRequest { Method = "GET", Path = "/u/42", Params = new Dictionary<string, string> { ["Id"] = "42" } });

        state.RuntimeStatus.Should().Be("Completed");
        await spans.EndedAsync(2);
        var engine = spans.From(GatewayTracing.DurableTaskSourceName);
        var start = engine.Should().ContainSingle(s => s.Kind == ActivityKind.Producer).Subject;
        start.ParentSpanId.Should().Be(spans.Root.SpanId, "the flow continues the trace of what started it");
        var orchestration = engine.Should().ContainSingle(s => s.DisplayName == "orchestration:switchyard.pipe",
            "a sequential flow replays once per step, and its span is emitted once").Subject;
        orchestration.ParentSpanId.Should().Be(start.SpanId);

        var scheduled = engine.Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == orchestration.SpanId).ToList();
        scheduled.Should().HaveCount(2);
        foreach (var step in scheduled)
        {
            var run = engine.Should().ContainSingle(s => s.ParentSpanId == step.SpanId).Subject;
            run.DisplayName.Should().Be("activity:switchyard.step");
            var call = spans.ChildrenOf(run).Should().ContainSingle().Subject;
            call.GetTagItem("krakend.stage").Should().Be("backend");
            var received = backend.Received.Single(r => backend.Host + r.Target == (string)call.GetTagItem("url.full")!);
            received.Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(call));
        }

        spans.Spans.Select(s => s.DisplayName).Should().BeEquivalentTo("/users/{id}", "/accounts/{resp0_user.id}");
    }
}

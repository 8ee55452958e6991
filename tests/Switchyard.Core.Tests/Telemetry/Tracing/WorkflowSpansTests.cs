using System.Diagnostics;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Tracing;

public sealed class WorkflowSpansTests
{
    [Fact]
    public async Task A_three_level_workflow_nests_each_workflows_span_under_the_step_that_opens_it()
    {
        await using var backend = await TestBackend.StartAsync(context => context.Request.Path.Value switch
        {
            "/users/42" => TestBackend.Json(context, """{"user":{"id":7}}"""),
            "/audit" => TestBackend.Json(context, """{"audited":true}"""),
            "/accounts/42" => TestBackend.Json(context, """{"account":"acc-9"}"""),
            "/ledger/acc-9" => TestBackend.Json(context, """{"balance":10.5}"""),
            _ => TestBackend.Json(context, "{}", 404),
        });
        var pipe = TracedPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "10s", "endpoints": [{
              "endpoint": "/tree/{id}",
              "extra_config": {"proxy": {"sequential": true} },
              "backend": [
                {"url_pattern": "/users/{id}", "group": "profile"},
                {"url_pattern": "/__workflow/level2", "group": "level2",
                 "extra_config": {"workflow": {
                   "endpoint": "/level2/{id}",
                   "backend": [
                     {"url_pattern": "/audit", "group": "audit"},
                     {"url_pattern": "/__workflow/level3", "group": "level3",
                      "extra_config": {"workflow": {
                        "endpoint": "/level3/{id}",
                        "extra_config": {"proxy": {"sequential": true} },
                        "backend": [
                          {"url_pattern": "/accounts/{id}"},
                          {"url_pattern": "/ledger/{resp0_account}"}
                        ]} } }
                   ]} } }
              ]}]}
            """);
        using var spans = new SpanRecorder();

        var response = await pipe(TracedPipe.Request(parameters: ("Id", "42")), default);

        response.Error.Should().BeNull();
        spans.Spans.Should().HaveCount(9, "three pipe spans and six backend spans");
        var root = spans.Named("/tree/{id}");
        root.ParentSpanId.Should().Be(spans.Root.SpanId);
        Names(spans.ChildrenOf(root)).Should().BeEquivalentTo("/users/{id}", "/__workflow/level2");

        var openLevel2 = spans.Named("/__workflow/level2");
        openLevel2.GetTagItem("krakend.stage").Should().Be("backend");
        openLevel2.GetTagItem("switchyard.workflow").Should().Be("/level2/{id}");
        openLevel2.GetTagItem("switchyard.step").Should().Be(1);
        openLevel2.GetTagItem("switchyard.backend.group").Should().Be("level2");
        var level2 = spans.ChildrenOf(openLevel2).Should().ContainSingle().Subject;
        level2.DisplayName.Should().Be("/__workflow/level2/{id}");
        level2.GetTagItem("krakend.stage").Should().Be("proxy");
        level2.GetTagItem("http.route").Should().Be("/level2/{id}");
        Names(spans.ChildrenOf(level2)).Should().BeEquivalentTo("/audit", "/__workflow/level3");

        var level3 = spans.ChildrenOf(spans.Named("/__workflow/level3")).Should().ContainSingle().Subject;
        level3.DisplayName.Should().Be("/__workflow/level3/{id}");
        var steps = spans.ChildrenOf(level3);
        Names(steps).Should().BeEquivalentTo("/accounts/{id}", "/ledger/{resp0_account}");
        spans.Named("/ledger/{resp0_account}").GetTagItem("switchyard.step").Should().Be(1);
        spans.Named("/ledger/{resp0_account}").StartTimeUtc.Should().BeOnOrAfter(
            spans.Named("/accounts/{id}").StartTimeUtc + spans.Named("/accounts/{id}").Duration, "the chain's second step follows the first");

        // Every backend the workflows called got the trace context of its own step.
        foreach (var call in backend.Received)
        {
            var step = spans.Spans.Single(s => s.GetTagItem("url.full") as string == backend.Host + call.Target);
            call.Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(step));
        }
    }

    private static IEnumerable<string> Names(IEnumerable<Activity> spans) => spans.Select(s => s.DisplayName);
}

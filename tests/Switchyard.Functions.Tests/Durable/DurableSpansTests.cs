using System.Diagnostics;
using System.Net;
using Switchyard.Core.Telemetry;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>A durable flow's trace on Azure Storage: the trace context travels in the flow's history, not in memory.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableSpansTests(AzuriteServer azurite)
{
    [Fact]
    public async Task A_durable_workflow_opened_by_a_request_continues_the_requests_trace_through_its_stored_history()
    {
        await using var backend = await TestBackend.StartAsync(context =>
            TestBackend.Json(context, context.Request.Path.Value == "/users/7" ? """{"id":7}""" : """{"count":3}"""));
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(azurite, $$$"""
            {"endpoint": "/mixed/{id}", "timeout": "5s",
             "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/users/{id}", "group": "user"},
                         {"host": ["{{{backend.Host}}}"], "url_pattern": "/__workflow", "group": "w", "extra_config": {"workflow": {
                           "endpoint": "/w", "extra_config": {"switchyard/durable": {}},
                           "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/orders"}]} } }]}
            """, DurableConfig.NewTaskHub()));
        using var spans = new SpanRecorder(GatewayTracing.DurableTaskSourceName, "Microsoft.AspNetCore");

        var answer = await gateway.GetAnswerAsync("/mixed/7");

        answer.Status.Should().Be(HttpStatusCode.OK);
        await spans.EndedAsync(4);
        var opening = spans.Named("/__workflow");
        var engine = spans.From(GatewayTracing.DurableTaskSourceName);
        var start = engine.Should().ContainSingle(s => s.Kind == ActivityKind.Producer).Subject;
        start.ParentSpanId.Should().Be(opening.SpanId, "the flow starts under the step that opens it");
        var orchestration = engine.Should().ContainSingle(s => s.DisplayName.StartsWith("orchestration:", StringComparison.Ordinal)).Subject;
        orchestration.ParentSpanId.Should().Be(start.SpanId);
        var run = engine.Should().ContainSingle(s => s.DisplayName == "activity:switchyard.step" && s.Kind == ActivityKind.Server).Subject;
        var call = spans.ChildrenOf(run).Should().ContainSingle().Subject;
        call.DisplayName.Should().Be("/orders");
        backend.Received.Single(r => r.Target == "/orders").Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(call));
    }
}

using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Tests.Durable;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary>
/// <c>switchyard.durable.flows</c> on the engine's in-memory service: a flow counts once when it starts and once in the
/// state it ends in, however many episodes replay it.
/// </summary>
public sealed class DurableMetricsTests
{
    private static readonly ProxyRequest Request = new() { Method = "POST", Path = "/x" };

    private readonly string _unique = "d" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_flow_that_completes_counts_started_and_completed_once_each()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var backend = await TestBackend.StartAsync("""{"done": true}""");
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, $$$"""
            {"endpoint": "/{{{_unique}}}/{id}", "method": "POST", "extra_config": {"proxy": {"sequential": true}},
             "backend": [{"url_pattern": "/one", "group": "a"}, {"url_pattern": "/two", "group": "b"}]}
            """));

        (await harness.DurableAsync(Request, _unique)).RuntimeStatus.Should().Be("Completed");

        States(metrics).Should().BeEquivalentTo("started", "completed");
    }

    [Fact]
    public async Task A_flow_that_fails_after_a_step_it_then_undoes_counts_started_and_compensated()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var backend = await TestBackend.StartAsync(context =>
            context.Request.Path.Value == "/fail" ? TestBackend.Json(context, "{}", 500) : TestBackend.Json(context, "{}"));
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, $$$"""
            {"endpoint": "/{{{_unique}}}/{id}", "method": "POST", "extra_config": {"proxy": {"sequential": true} }, "backend": [
              {"url_pattern": "/charge", "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/refund"} } } },
              {"url_pattern": "/fail"}]}
            """));

        (await harness.DurableAsync(Request, _unique)).Response!.Error.Should().NotBeNull();

        States(metrics).Should().BeEquivalentTo("started", "compensated");
        backend.Received.Select(r => r.Target).Should().Contain("/refund");
    }

    private string[] States(RecordedMetrics metrics)
    {
        var flows = metrics.Of("switchyard.durable.flows", ("switchyard.durable.pipe", $"/{_unique}/:id"));
        flows.Should().OnlyContain(m => m.Value == 1 && m.Unit == "{flow}");
        return [.. flows.Select(m => m["switchyard.durable.state"]!)];
    }
}

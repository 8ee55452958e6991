using System.Net;
using Switchyard.Core.Telemetry;
using Switchyard.Functions.Tests.Serverless;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// A Service Bus agent in Functions mode, its messages delivered by the host's invocations (played by the host
/// harness): each delivery counted by outcome with the <c>servicebus</c> driver, as the other drivers' are.
/// </summary>
public sealed class ServiceBusAgentMetricsTests
{
    [Fact]
    public async Task An_invocation_that_succeeds_and_one_that_fails_are_counted_with_the_servicebus_driver()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var agent = "sb" + Guid.NewGuid().ToString("N")[..10];
        await using var backend = await TestBackend.StartAsync(context =>
            TestBackend.Json(context, "{}", context.Request.Headers["X-Message-Id"] == "good" ? 200 : 503));
        await using var host = await FunctionsHostHarness.StartInProcessAsync($$"""
            {"version": 3, "timeout": "3s", "endpoints": [],
             "async_agent": [{"name": "{{agent}}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/servicebus": {"queue": "orders"} } }]}
            """);

        using (var good = await host.InvokeAsync("agent_" + agent, HostPayloads.ServiceBus("{}", "good", 1)))
        {
            good.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var bad = await host.InvokeAsync("agent_" + agent, HostPayloads.ServiceBus("{}", "bad", 1)))
        {
            bad.IsSuccessStatusCode.Should().BeFalse("the host is told to deliver it again");
        }

        var messages = metrics.Of("switchyard.agent.messages", ("switchyard.agent.name", agent));
        messages.Should().OnlyContain(m => m.Value == 1 && m["switchyard.agent.driver"] == "servicebus");
        messages.Select(m => m["switchyard.agent.outcome"]).Should().Equal("succeeded", "failed");
        metrics.Of("switchyard.agent.messages.in_flight", ("switchyard.agent.name", agent)).Sum(m => m.Value).Should().Be(0);
    }
}

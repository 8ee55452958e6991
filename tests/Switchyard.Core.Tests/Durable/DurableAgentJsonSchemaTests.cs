using Switchyard.Core.Durable;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Durable;

/// <summary>
/// A durable agent with <c>validation/json-schema</c> checks a message before it starts a flow for it: a message that
/// fails is refused as the message's fault (the runner then dead-letters it) and no flow is recorded.
/// </summary>
public sealed class DurableAgentJsonSchemaTests
{
    [Fact]
    public async Task A_message_that_fails_its_schema_starts_no_flow_and_a_valid_one_does()
    {
        await using var backend = await DurableFlowTests.Backends();
        await using var harness = await DurableHarness.StartAsync($$"""
            {"version": 3, "host": ["{{backend.Host}}"],
             "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true"} },
             "endpoints": [{"endpoint": "/u/{id}", "backend": [{"url_pattern": "/users/{id}"}]}],
             "async_agent": [{"name": "signups", "consumer": {"topic": "#"}, "backend": [{"url_pattern": "/users/42"}],
               "extra_config": {"async/memory": {}, "switchyard/durable": {}, "validation/json-schema": {"required": ["name"]} } }]}
            """);
        var status = new AgentHealthRegistry(TimeProvider.System).Status("signups");
        var flows = new DurableAgentFlows(harness.Config.AsyncAgents[0], harness.Engine, _ => Task.FromResult(true), status);

        var refused = await flows.StartAsync(Message("bad", """{"nombre": "ana"}"""), default);
        var started = await flows.StartAsync(Message("good", """{"name": "ana"}"""), default);

        refused.Error.Should().NotBeNull();
        refused.Error!.RejectsInput.Should().BeTrue();
        refused.Error.Message.Should().StartWith("- at '': ");
        started.Error.Should().BeNull();
        status.Snapshot().Flows!.Started.Should().Be(1);
        (await harness.Engine.WaitAsync("agent:signups:bad", TimeSpan.FromMilliseconds(200), default)).Should().BeNull("no flow was recorded for it");
    }

    private static ProxyRequest Message(string id, string body) => new()
    {
        Method = "POST",
        Path = "/__agent/signups",
        Headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["X-Message-Id"] = [id] },
        Body = System.Text.Encoding.UTF8.GetBytes(body),
    };
}

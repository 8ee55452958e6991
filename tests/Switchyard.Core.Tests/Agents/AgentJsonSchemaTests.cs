using System.Text.Json;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Memory;
using Switchyard.Core.Configuration;
using Switchyard.Core.Schemas;

namespace Switchyard.Core.Tests.Agents;

/// <summary>
/// An agent whose pipe has <c>validation/json-schema</c>: a message that fails it never reaches the backend; with
/// <c>max_deliveries</c> it is dead-lettered on its first delivery, without it the agent's rules for a failed message apply.
/// </summary>
public sealed class AgentJsonSchemaTests : AgentRunnerTestBase
{
    [Fact]
    public async Task With_max_deliveries_a_message_that_fails_its_schema_is_dead_lettered_on_its_first_delivery()
    {
        var backend = await BackendAsync("{}");
        var runner = Run(WithSchema(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", MaxDeliveries = 5 })));

        Publish("""{"order": "x"}""", id: "bad");
        Publish("""{"order": 42}""", id: "good");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot() is { DeadLettered: 1, Processed: 1 });
        backend.Received.Should().ContainSingle().Which.Body.Should().Be("""{"order": 42}""");
        var dead = Queue("orders.dead").Peek().Should().ContainSingle().Subject;
        dead.Id.Should().Be("bad");
        dead.Headers[DeadLetterHeaders.Reason].Should().Be("- at '/order': Value is \"string\" but should be \"integer\"");
        dead.Headers[DeadLetterHeaders.Deliveries].Should().Be("1");
        runner.Status.Snapshot().Failed.Should().Be(1);
    }

    [Fact]
    public async Task Without_max_deliveries_nack_discard_drops_it_as_any_failed_message()
    {
        var backend = await BackendAsync("{}");
        var runner = Run(WithSchema(Agent(backend.Host)) with { Amqp = new AmqpDriverOptions { NackDiscard = true } });

        Publish("");

        await Eventually.HoldsAsync(() => runner.Status.Snapshot().Failed == 1);
        await Task.Delay(200);
        backend.Received.Should().BeEmpty();
        runner.Status.Snapshot().LastError.Should().Be(RequestSchema.EmptyBodyMessage);
        Queue().Should().Match<MemoryQueue>(q => q.ReadyCount == 0 && q.UnackedCount == 0);
        _broker.FindQueue("orders.dead").Should().Match<MemoryQueue?>(q => q == null || q.ReadyCount == 0);
    }

    private static AsyncAgentConfig WithSchema(AsyncAgentConfig agent)
    {
        var schema = RequestSchema.Compile(
            JsonDocument.Parse("""{"type": "object", "properties": {"order": {"type": "integer"}}}""").RootElement, out var problem, out _);
        problem.Should().BeNull();
        return agent with { Pipe = agent.Pipe with { JsonSchema = schema } };
    }
}

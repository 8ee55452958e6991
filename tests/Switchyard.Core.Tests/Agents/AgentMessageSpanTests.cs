using System.Diagnostics;
using Switchyard.Core.Agents;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents;

public sealed class AgentMessageSpanTests : AgentRunnerTestBase
{
    [Fact]
    public async Task A_message_carrying_a_traceparent_is_processed_in_a_consumer_span_continuing_the_producers_trace()
    {
        var backend = await BackendAsync("""{"ok":true}""");
        using var spans = new SpanRecorder();
        var runner = Run(Agent(backend.Host));
        await ConnectedAsync(runner);

        Publish("""{"order":1}""", headers: new Dictionary<string, string> { ["traceparent"] = spans.Root.Id! }, id: "m-1");

        await spans.EndedAsync(3);
        var message = spans.Named("process orders");
        message.Kind.Should().Be(ActivityKind.Consumer);
        message.ParentSpanId.Should().Be(spans.Root.SpanId);
        message.GetTagItem("messaging.system").Should().Be("memory");
        message.GetTagItem("messaging.destination.name").Should().Be("orders");
        message.GetTagItem("messaging.message.id").Should().Be("m-1");
        message.GetTagItem("messaging.operation.type").Should().Be("process");
        message.GetTagItem("switchyard.settlement").Should().Be("ack");
        message.Status.Should().Be(ActivityStatusCode.Unset);
        var pipe = spans.ChildrenOf(message).Should().ContainSingle().Subject;
        pipe.DisplayName.Should().Be("/__agent/orders");
        var call = spans.ChildrenOf(pipe).Should().ContainSingle().Subject;
        backend.Received.Single().Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(call));
    }

    [Fact]
    public async Task A_dead_lettered_message_marks_its_span_failed_with_the_reason()
    {
        var backend = await BackendAsync("""{"down":true}""", status: 500);
        using var spans = new SpanRecorder();
        var runner = Run(Agent(backend.Host, new AgentConsumerOptions { Topic = "orders.#", MaxDeliveries = 1 }));
        await ConnectedAsync(runner);

        Publish("""{"order":2}""", headers: new Dictionary<string, string> { ["traceparent"] = spans.Root.Id! });

        await spans.EndedAsync(3);
        var message = spans.Named("process orders");
        message.Status.Should().Be(ActivityStatusCode.Error);
        message.StatusDescription.Should().StartWith("dead-lettered: invalid status code 500");
        message.GetTagItem("switchyard.settlement").Should().Be("dead_letter");
    }
}

using System.Diagnostics;
using System.Net;
using Switchyard.Testing;
using static Switchyard.Functions.Tests.Serverless.ServerlessConfig;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>A Service Bus message the Functions host hands over continues the trace its producer put in its application properties.</summary>
public sealed class ServiceBusInvocationSpanTests
{
    [Theory]
    [InlineData("traceparent")]
    [InlineData("Diagnostic-Id")]
    public async Task The_message_span_continues_the_producers_trace_context(string property)
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));
        using var spans = new SpanRecorder();
        var producer = spans.Root.Id!;

        // The invocation itself carries no trace context: only the message's property can join the producer's trace.
        Activity.Current = null;
        using var response = await host.InvokeAsync(OrdersFunction, HostPayloads.ServiceBus("""{"order":42}""", "m-7", 1, $$"""{"{{property}}":"{{producer}}"}"""));
        Activity.Current = spans.Root;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await spans.EndedAsync(3);
        var message = spans.Named("process orders");
        message.Kind.Should().Be(ActivityKind.Consumer);
        message.ParentSpanId.Should().Be(spans.Root.SpanId);
        message.GetTagItem("messaging.system").Should().Be("servicebus");
        message.GetTagItem("messaging.message.id").Should().Be("m-7");
        var call = spans.ChildrenOf(spans.ChildrenOf(message).Should().ContainSingle().Subject).Should().ContainSingle().Subject;
        backend.Received.Single().Headers["traceparent"].ToString().Should().Be(spans.TraceParentUnder(call));
    }
}

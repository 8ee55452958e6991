using System.Net;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;
using Switchyard.Testing.Otlp;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// The span trees an OTLP collector receives from a gateway process for one aggregation request, one 3-level workflow,
/// one race and one agent message: parents, names, stages, status, attributes, and the <c>traceparent</c> each backend
/// received. In the RabbitMQ collection, as the agent consumes from its node.
/// </summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class SpanTreeExportTests(RabbitMqServer rabbit)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Aggregation_workflow_race_and_agent_message_arrive_as_trees_with_the_trace_context_each_backend_received()
    {
        var raceCalls = 0;
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            // The race's first call answers at once; the two others would take 5 s and are cancelled by the winner.
            if (context.Request.Path == "/racing" && Interlocked.Increment(ref raceCalls) > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await TestBackend.Json(context, $$"""{"at": "{{context.Request.Path}}"}""");
        });
        await using var receiver = await OtlpReceiver.StartAsync();
        var scenario = AmqpAgentScenario.Create(rabbit);
        await using var broker = await AmqpTestBroker.ConnectAsync(scenario);
        await using var gateway = await TelemetryGateway.StartAsync(Configuration(backend.Host, receiver, scenario));

        (await gateway.Client.GetAsync("agg")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("flow")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("race")).StatusCode.Should().Be(HttpStatusCode.OK);
        const string producerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string producerSpan = "00f067aa0ba902b7";
        await broker.PublishAsync("traced", 1, headers: new Dictionary<string, object?> { ["traceparent"] = $"00-{producerTrace}-{producerSpan}-01" });

        var spans = await receiver.WaitForSpansAsync(
            all => all.Any(span => span.Name == "GET /agg") && all.Any(span => span.Name == "GET /flow") && all.Any(span => span.Name == "GET /race")
                && all.Count(span => span.Name.StartsWith("race ", StringComparison.Ordinal)) == 3
                && all.Any(span => span.Kind == "Consumer" && Children(all, span).Any()),
            Wait);
        var tree = new SpanTree(spans);

        // Aggregation: server span → proxy span → one backend span per backend → the HttpClient's span, whose id the backend
        // received, beside the span of the body read.
        var aggregation = tree.Single("GET /agg", "Server");
        aggregation.Attribute("krakend.stage").Should().Be("global");
        var aggregationPipe = tree.OnlyChild(aggregation);
        aggregationPipe.Name.Should().Be("/agg");
        aggregationPipe.Attribute("krakend.stage").Should().Be("proxy");
        aggregationPipe.Attribute("http.route").Should().Be("/agg");
        var calls = tree.Children(aggregationPipe);
        calls.Select(span => span.Name).Should().BeEquivalentTo("/a", "/b");
        foreach (var call in calls)
        {
            call.Attribute("krakend.stage").Should().Be("backend");
            call.Kind.Should().Be("Client");
            call.Status.Should().NotBe("Error");
            var roundTrip = tree.RoundTrip(call);
            ReceivedTraceparent(backend, call.Name).Should().StartWith($"00-{aggregation.TraceId}-{roundTrip.SpanId}-");
        }

        calls.Select(span => span.Attribute("switchyard.backend.group")).Should().BeEquivalentTo("first", "second");

        // The 3-level workflow: each workflow's pipe under the backend span that opened it, down to the leaf call.
        var flow = tree.Single("GET /flow", "Server");
        var leaf = tree.Spans.Single(span => span.Name == "/leaf" && span.TraceId == flow.TraceId);
        var pipes = tree.Ancestors(leaf).Where(span => span.Attribute("krakend.stage") == "proxy").Select(span => span.Name).ToList();
        pipes.Should().Equal("/__workflow/level3", "/__workflow/level2", "/flow");
        tree.Ancestors(leaf).Last().Should().Be(flow);
        tree.Ancestors(leaf).Where(span => span.Attribute("krakend.stage") == "backend").Select(span => span.Name)
            .Should().Equal("/into-level3", "/into-level2");
        ReceivedTraceparent(backend, "/leaf").Should().StartWith($"00-{flow.TraceId}-{tree.RoundTrip(leaf).SpanId}-");

        // The race: three calls under the backend's span, one winner, two cancelled without an error.
        var race = tree.Single("GET /race", "Server");
        var raced = tree.Spans.Where(span => span.Name.StartsWith("race ", StringComparison.Ordinal)).ToList();
        raced.Should().OnlyContain(span => span.TraceId == race.TraceId);
        raced.Select(span => span.ParentSpanId).Distinct().Should().ContainSingle();
        raced.Count(span => span.Attributes.GetValueOrDefault("switchyard.race.winner") is true).Should().Be(1);
        var cancelled = raced.Where(span => span.Attributes.GetValueOrDefault("switchyard.race.cancelled") is true).ToList();
        cancelled.Should().HaveCount(2);
        cancelled.Should().OnlyContain(span => span.Status != "Error");
        tree.Ancestors(raced[0]).Last().Should().Be(race);

        // The agent message: a consumer span continuing the producer's trace, the pipe and the backend call under it.
        var message = tree.Spans.Single(span => span.Kind == "Consumer");
        message.TraceId.Should().Be(producerTrace);
        message.ParentSpanId.Should().Be(producerSpan);
        message.Attributes.Should().Contain(new Dictionary<string, object?>
        {
            ["messaging.system"] = "rabbitmq",
            ["messaging.destination.name"] = scenario.Queue,
            ["messaging.message.id"] = "traced-0",
            ["messaging.operation.type"] = "process",
        });
        var order = tree.Spans.Single(span => span.Name == "/orders");
        tree.Ancestors(order).Should().Contain(message);
        ReceivedTraceparent(backend, "/orders").Should().StartWith($"00-{producerTrace}-{tree.RoundTrip(order).SpanId}-");
    }

    private static IEnumerable<ReceivedSpan> Children(IReadOnlyList<ReceivedSpan> spans, ReceivedSpan parent) =>
        spans.Where(span => span.ParentSpanId == parent.SpanId && span.TraceId == parent.TraceId);

    private static string ReceivedTraceparent(TestBackend backend, string path) =>
        backend.Received.Single(request => request.Target == path).Headers["traceparent"].ToString();

    private static string Configuration(string backendHost, OtlpReceiver receiver, AmqpAgentScenario scenario) => $$"""
        {"version": 3, "name": "span trees", "host": ["{{backendHost}}"],
         "extra_config": {"telemetry/opentelemetry": { {{TelemetryGateway.OtlpTo(receiver)}} } },
         "endpoints": [
           {"endpoint": "/agg", "backend": [
             {"url_pattern": "/a", "group": "first"},
             {"url_pattern": "/b", "group": "second"}]},
           {"endpoint": "/flow", "backend": [
             {"url_pattern": "/into-level2", "extra_config": {"workflow": {"endpoint": "/level2", "backend": [
               {"url_pattern": "/into-level3", "extra_config": {"workflow": {"endpoint": "/level3", "backend": [
                 {"url_pattern": "/leaf"}]} } }]} } }]},
           {"endpoint": "/race", "timeout": "10s", "concurrent_calls": 3, "backend": [{"url_pattern": "/racing"}]}],
         "async_agent": [{{scenario.AgentJson(backendHost, "")}}]}
        """;

    /// <summary>The spans received, walked by their parents.</summary>
    private sealed class SpanTree(IReadOnlyList<ReceivedSpan> spans)
    {
        public IReadOnlyList<ReceivedSpan> Spans => spans;

        public ReceivedSpan Single(string name, string kind) => spans.Single(span => span.Name == name && span.Kind == kind);

        public IReadOnlyList<ReceivedSpan> Children(ReceivedSpan parent) => [.. SpanTreeExportTests.Children(spans, parent)];

        public ReceivedSpan OnlyChild(ReceivedSpan parent) => Children(parent).Should().ContainSingle().Subject;

        /// <summary>The HttpClient's round trip under a backend call, which has it and the span of its body read, no more.</summary>
        public ReceivedSpan RoundTrip(ReceivedSpan call)
        {
            var children = Children(call);
            children.Select(span => span.Name).Should().HaveCount(2).And.Contain("http.client.response.read.tracker");
            return children.Should().ContainSingle(span => span.Scope == "System.Net.Http").Subject;
        }

        /// <summary>The parent, its parent, and so on to the root received (nearest first).</summary>
        public IReadOnlyList<ReceivedSpan> Ancestors(ReceivedSpan span)
        {
            var chain = new List<ReceivedSpan>();
            while (spans.FirstOrDefault(parent => parent.SpanId == span.ParentSpanId && parent.TraceId == span.TraceId) is { } parent)
            {
                chain.Add(parent);
                span = parent;
            }

            return chain;
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Durable;

/// <summary>
/// A durable workflow opened by an in-memory endpoint: it runs as a flow of its own (its calls carry the flow's
/// Idempotency-Key), the endpoint answers what it would in memory, and a flow that outlasts the workflow's timeout is a
/// deadline error to the endpoint, as in memory, while the flow itself goes on to its end.
/// </summary>
public sealed class DurableWorkflowInMemoryPipeTests
{
    private const string Endpoint = """
        {"endpoint": "/u/{id}", "backend": [
          {"url_pattern": "/users/{id}", "group": "user"},
          {"url_pattern": "/__workflow", "group": "w", "extra_config": {"workflow": {
            "endpoint": "/w", "extra_config": {"proxy": {"sequential": true}DURABLE},
            "backend": [{"url_pattern": "/orders"}, {"url_pattern": "/accounts/7"}, {"url_pattern": "/ledger/7"}]}}}]}
        """;

    private static readonly ProxyRequest Request = new() { Method = "GET", Path = "/u/42", Params = new Dictionary<string, string> { ["Id"] = "42" } };

    [Fact]
    public async Task The_workflow_runs_as_a_flow_and_the_endpoint_answers_as_in_memory()
    {
        var keys = new ConcurrentDictionary<string, string>();
        await using var backend = await TestBackend.StartAsync(context =>
        {
            keys[context.Request.Path.Value!] = context.Request.Headers["Idempotency-Key"].ToString();
            return Answer(context);
        });
        var inMemory = await new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default)
            .CreateEndpoint(ConfigLoader.Parse(Config(backend, durable: false)).Config!.Endpoints[0])(Request, default);
        keys.Clear();
        await using var harness = await DurableHarness.StartAsync(Config(backend, durable: true));

        var answer = await harness.GatewayAsync(Request);

        DurableHarness.Rendered(answer).Should().Be(DurableHarness.Rendered(inMemory));
        inMemory.IsComplete.Should().BeTrue();
        keys["/users/42"].Should().BeEmpty("the endpoint's own call is in memory");
        var flow = keys["/orders"].Should().MatchRegex("^[0-9a-f]{32}:0$").And.Subject.Split(':')[0];
        keys["/accounts/7"].Should().Be($"{flow}:1");
        keys["/ledger/7"].Should().Be($"{flow}:2");
        (await harness.Engine.GetAsync(flow))!.RuntimeStatus.Should().Be("Completed");
    }

    [Fact]
    public async Task A_flow_that_outlasts_the_workflows_timeout_is_a_deadline_error_there_and_still_ends()
    {
        var keys = new ConcurrentQueue<string>();
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            keys.Enqueue(context.Request.Headers["Idempotency-Key"].ToString());
            await Task.Delay(context.Request.Path.Value == "/users/42" ? TimeSpan.Zero : TimeSpan.FromMilliseconds(600));
            await Answer(context);
        });
        var config = Config(backend, durable: true).Replace("\"endpoint\": \"/w\",", "\"endpoint\": \"/w\", \"timeout\": \"1500ms\",", StringComparison.Ordinal);
        await using var harness = await DurableHarness.StartAsync(config);

        var answer = await harness.GatewayAsync(Request);

        answer.IsComplete.Should().BeFalse();
        answer.Error!.Message.Should().Contain("context deadline exceeded");
        DurableHarness.Rendered(answer).Should().StartWith("""{"user":{"id":7,"name":"ana","score":1.50}}""");
        var flow = keys.Single(key => key.EndsWith(":0", StringComparison.Ordinal)).Split(':')[0];
        var state = await harness.Engine.WaitAsync(flow, TimeSpan.FromSeconds(10), default);
        state!.RuntimeStatus.Should().Be("Completed", "the flow went on after its caller stopped waiting");
        DurableHarness.Rendered(state.Response!).Should().Be("""{"account":"acc-9","balance":1,"count":3,"last":"x"} complete=True error=""");
    }

    [Fact]
    public void A_factory_without_the_engine_refuses_to_build_it_rather_than_run_it_in_memory()
    {
        var config = ConfigLoader.Parse(Config(new Uri(ClosedPort.Host()), durable: true)).Config!;

        var build = () => new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default).CreateEndpoint(config.Endpoints[0]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*extra_config.workflow: a durable workflow in an in-memory pipe needs the durable engine");
    }

    private static Task Answer(HttpContext context) => context.Request.Path.Value switch
    {
        "/users/42" => TestBackend.Json(context, """{"id":7,"name":"ana","score":1.50}"""),
        "/orders" => TestBackend.Json(context, """{"count":3,"last":"x"}"""),
        "/accounts/7" => TestBackend.Json(context, """{"account":"acc-9"}"""),
        "/ledger/7" => TestBackend.Json(context, """{"balance":1}"""),
        _ => TestBackend.Json(context, "{}", 404),
    };

    private static string Config(TestBackend backend, bool durable) => Config(new Uri(backend.Host), durable);

    private static string Config(Uri host, bool durable) => $$"""
        {"version": 3, "host": ["{{host.GetLeftPart(UriPartial.Authority)}}"],
         "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true"} },
         "endpoints": [{{Endpoint.Replace("DURABLE", durable ? ", \"switchyard/durable\": {}" : "", StringComparison.Ordinal)}}]}
        """;
}

using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Durable;

/// <summary>A durable endpoint's flow checks the body against the endpoint's <c>validation/json-schema</c> as the in-memory pipe does.</summary>
public sealed class DurableJsonSchemaTests
{
    private const string Endpoint = """
        {"endpoint": "/u/{id}", "method": "POST", "extra_config": {"validation/json-schema": {"required": ["name"]}},
         "backend": [{"url_pattern": "/users/{id}", "group": "user"}]}
        """;

    [Theory]
    [InlineData("""{"name": "ana"}""", 1)]
    [InlineData("""{"nombre": "ana"}""", 0)]
    [InlineData("", 0)]
    public async Task The_flow_answers_what_the_in_memory_pipe_answers_and_calls_the_backend_only_for_a_valid_body(string body, int calls)
    {
        await using var backend = await DurableFlowTests.Backends();
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, Endpoint));
        var request = new ProxyRequest
        {
            Method = "POST",
            Path = "/u/42",
            Params = new Dictionary<string, string> { ["Id"] = "42" },
            Body = System.Text.Encoding.UTF8.GetBytes(body),
        };

        var inMemory = await harness.InMemoryAsync(request);
        var durable = await harness.DurableAsync(request);

        DurableHarness.Rendered(durable.Response!).Should().Be(DurableHarness.Rendered(inMemory));
        (durable.Response!.Error?.StatusCode).Should().Be(calls == 0 ? 400 : null);
        backend.Received.Should().HaveCount(2 * calls, "the in-memory pipe and the flow each call it once for a valid body");
    }
}

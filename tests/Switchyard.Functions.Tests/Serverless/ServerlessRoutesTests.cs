using System.Net;
using Microsoft.Extensions.Logging;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Serverless;

public sealed class ServerlessRoutesTests
{
    [Fact]
    public async Task An_endpoint_that_owns_a_function_path_keeps_it_and_the_conflict_is_logged()
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync("""{"endpoint":true}""");
        await using var host = await FunctionsHostHarness.StartInProcessAsync(
            $$"""
            {"version": 3,
             "endpoints": [{"endpoint": "/agent_orders", "method": "POST", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/e"}]}],
             "async_agent": [{"name": "orders", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/orders"}],
                              "extra_config": {"async/servicebus": {"queue": "orders"} } }]}
            """,
            logs);

        using var response = await host.InvokeAsync("agent_orders", HostPayloads.ServiceBus("{}", "m", 1));

        (await response.Content.ReadAsStringAsync()).Should().Be("""{"endpoint":true}""");
        logs.Entries.Should().Contain(entry =>
            entry.Level == LogLevel.Error && entry.Message == "[AGENT: orders] POST /agent_orders is already taken: the agent's function cannot be invoked");
    }

    [Fact]
    public async Task Two_agents_whose_function_names_collide_leave_the_path_to_the_first()
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(
            $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [
               {"name": "a.b", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/first"}], "extra_config": {"async/azure-queue": {"queue": "first"} } },
               {"name": "a_b", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/second"}], "extra_config": {"async/azure-queue": {"queue": "second"} } }]}
            """,
            logs);

        using var response = await host.InvokeAsync("agent_a_b", HostPayloads.StorageQueue("x", "q", 1));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Received.Select(r => r.Target).Should().Equal("/first");
        logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Error && entry.Message.StartsWith("[AGENT: a_b] POST /agent_a_b is already taken", StringComparison.Ordinal));
    }
}

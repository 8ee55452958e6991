using System.Net;
using Switchyard.Functions.Tests.Serverless;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>
/// Under the Functions host the custom handler runs the durable worker: a queue-triggered agent is durable as a
/// standalone one — its invocation is answered 2xx once the flow's start is recorded, and a redelivery starts nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableFunctionsHostTests(AzuriteServer azurite)
{
    [Fact]
    public async Task A_durable_service_bus_agent_answers_the_host_once_its_flow_started_and_a_redelivery_starts_none()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var taskHub = DurableConfig.NewTaskHub();
        var config = ServerlessConfig.For(backend.Host)
            .Replace("\"version\": 3,", $$"""
                "version": 3, "extra_config": {"switchyard/durable": {"connection": "{{azurite.ConnectionString}}", "task_hub": "{{taskHub}}",
                  "partitions": 1, "queue_polling": "50ms"} },
                """, StringComparison.Ordinal)
            .Replace("\"extra_config\": {\"async/servicebus\"", "\"extra_config\": {\"switchyard/durable\": {}, \"async/servicebus\"", StringComparison.Ordinal);
        await using var host = await FunctionsHostHarness.StartInProcessAsync(config);

        using var first = await host.InvokeAsync(ServerlessConfig.OrdersFunction, HostPayloads.ServiceBus("""{"order":42}""", "m-7", 1));
        using var redelivery = await host.InvokeAsync(ServerlessConfig.OrdersFunction, HostPayloads.ServiceBus("""{"order":42}""", "m-7", 2));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var taskHubClient = DurableConfig.TaskHubOf(config);
        var flow = $"agent:orders:m-7";
        for (var i = 0; i < 200 && (await taskHubClient.GetAsync(flow))?.IsFinished != true; i++)
        {
            await Task.Delay(100);
        }

        (await taskHubClient.GetAsync(flow))!.RuntimeStatus.Should().Be("Completed");
        backend.Received.Where(r => r.Target == "/orders").Select(r => r.Headers["Idempotency-Key"].ToString()).Should().Equal($"{flow}:0");
    }
}

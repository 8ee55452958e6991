using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>
/// Durable flows outliving their processes, with real gateway processes on a real Azurite: a process SIGKILLed during a
/// step, a retry's durable wait across a restart, and two processes sharing one task hub's work.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableCrashTests(AzuriteServer azurite) : IDisposable
{
    private const string Secret = "crash-test-secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-durable-crash-").FullName;

    [Fact]
    public async Task A_flow_whose_process_is_killed_during_step_two_is_finished_by_another_within_30_seconds()
    {
        var calls = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var secondStepStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!;
            var mine = calls.GetOrAdd(path, _ => new ConcurrentQueue<string>());
            mine.Enqueue(context.Request.Headers["Idempotency-Key"].ToString());
            if (path == "/two" && mine.Count == 1)
            {
                // The first call of step two hangs until its process dies.
                secondStepStarted.TrySetResult();
                await Wait(TimeSpan.FromSeconds(30), context);
            }

            await TestBackend.Json(context, $$"""{"{{path[1..]}}":true}""");
        });
        var config = Write(Flow(backend.Host, """[{"url_pattern": "/one"}, {"url_pattern": "/two"}, {"url_pattern": "/three"}]"""));

        var first = await GatewayProcess.StartAsync(config);
        var posted = Post(first, "crash-1");
        await Within(secondStepStarted.Task, TimeSpan.FromSeconds(30), first, "step two starts", () => $"{(posted.IsCompleted ? posted.Result : "posting")} calls: {string.Join(",", calls.Keys)}");
        await first.KillAsync();
        var killed = Stopwatch.StartNew();
        await using var second = await GatewayProcess.StartAsync(config);

        var status = await UntilAsync(second, "crash-1", "Completed", TimeSpan.FromSeconds(45));

        killed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "another process finishes a crashed flow within 30 s");
        status["output"]!["data"]!.ToJsonString().Should().Be("""{"one":true,"two":true,"three":true}""");
        calls["/one"].Should().Equal("crash-1:0");
        // The killed call and the one that finished; the engine delivers a step at least once, so a machine stall longer
        // than the queue's visibility timeout may call it once more: every call carries the same key for the backend.
        calls["/two"].Should().HaveCountGreaterThanOrEqualTo(2).And.AllBe("crash-1:1");
        calls["/three"].Should().Equal("crash-1:2");
        await first.DisposeAsync();
    }

    [Fact]
    public async Task A_retry_waiting_on_its_durable_timer_happens_after_a_restart()
    {
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        await using var backend = await TestBackend.StartAsync(context =>
        {
            attempts.Enqueue(DateTimeOffset.UtcNow);
            return attempts.Count == 1 ? TestBackend.Json(context, "{}", 503) : TestBackend.Json(context, """{"ok":true}""");
        });
        var config = Write(Flow(backend.Host, """
            [{"url_pattern": "/flaky", "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 2, "first_delay": "4s"}}}}]
            """));

        var first = await GatewayProcess.StartAsync(config);
        _ = Post(first, "retry-1");
        // Killed once the flow has recorded the 503 and set its timer: killed any earlier, the engine delivers the first
        // attempt again after the queue's visibility timeout (at least once), which is not what this test is about.
        await UntilTimerIsSetAsync(config, "retry-1", TimeSpan.FromSeconds(20));
        attempts.Should().HaveCount(1);
        await first.KillAsync();
        await using var second = await GatewayProcess.StartAsync(config);

        var status = await UntilAsync(second, "retry-1", "Completed", TimeSpan.FromSeconds(45));

        status["output"]!["data"]!.ToJsonString().Should().Be("""{"ok":true}""");
        var times = attempts.ToArray();
        times.Should().HaveCount(2);
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4), "the second call waited for the durable timer");
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Two_processes_on_one_task_hub_complete_100_flows_and_both_run_steps()
    {
        await using var backendOfFirst = await TestBackend.StartAsync("""{"a":1}""");
        await using var backendOfSecond = await TestBackend.StartAsync("""{"a":1}""");
        var taskHub = DurableConfig.NewTaskHub();
        // The same pipes for both; each process calls its own copy of the backend, so the calls tell which ran the step.
        var steps = """[{"url_pattern": "/first", "group": "g1"}, {"url_pattern": "/second", "group": "g2"}]""";
        var firstConfig = Write(Flow(backendOfFirst.Host, steps, taskHub, partitions: 4), "first.json");
        var secondConfig = Write(Flow(backendOfSecond.Host, steps, taskHub, partitions: 4), "second.json");
        await using var first = await GatewayProcess.StartAsync(firstConfig);
        await using var second = await GatewayProcess.StartAsync(secondConfig);

        var loaded = ConfigLoader.LoadFile(firstConfig).Config!;
        await using var client = DurableConfig.TaskHubOf(File.ReadAllText(firstConfig));
        var ids = Enumerable.Range(0, 100).Select(i => $"scale-{i}").ToList();
        foreach (var id in ids)
        {
            await client.StartFlowAsync(loaded.Endpoints[0].JsonPath, MergeFailurePolicy.Partial, new ProxyRequest { Method = "POST", Path = "/flow" }, id);
        }

        var deadline = Stopwatch.StartNew();
        var pending = ids.ToHashSet();
        while (pending.Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            foreach (var id in pending.ToList())
            {
                if ((await client.GetAsync(id)) is { IsFinished: true } state)
                {
                    state.RuntimeStatus.Should().Be("Completed");
                    pending.Remove(id);
                }
            }

            await Task.Delay(200);
        }

        pending.Should().BeEmpty("every flow completes");
        (backendOfFirst.Received.Count + backendOfSecond.Received.Count).Should().Be(200, "two steps per flow, each run once");
        backendOfFirst.Received.Should().NotBeEmpty("the first process ran steps");
        backendOfSecond.Received.Should().NotBeEmpty("the second process ran steps");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Flow(string backendHost, string backends, string? taskHub = null, int partitions = 1) => $$"""
        {"version": 3, "host": ["{{backendHost}}"],
         "extra_config": {
           "switchyard/admin": {"secret": "{{Secret}}"},
           "switchyard/durable": {"connection": "{{azurite.ConnectionString}}", "task_hub": "{{taskHub ?? DurableConfig.NewTaskHub()}}",
             "partitions": {{partitions}}, "queue_polling": "100ms"} },
         "endpoints": [{"endpoint": "/flow", "method": "POST", "timeout": "5s",
           "extra_config": {"switchyard/durable": {}, "proxy": {"sequential": true} },
           "backend": {{backends}}}]}
        """;

    private string Write(string json, string name = "krakend.json")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<string> Post(GatewayProcess gateway, string key)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "flow") { Content = new StringContent("{}") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await gateway.Client.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException exception)
        {
            // The process was killed under the request: the flow is what matters.
            return exception.Message;
        }
    }

    private static async Task<JsonObject> UntilAsync(
        GatewayProcess gateway, string id, string runtimeStatus, TimeSpan patience, Func<JsonObject, bool>? also = null)
    {
        var deadline = Stopwatch.StartNew();
        JsonObject? last = null;
        while (deadline.Elapsed < patience)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "__workflows/" + id);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            using var response = await gateway.Client.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                if (last["runtime_status"]!.GetValue<string>() == runtimeStatus && (also?.Invoke(last) ?? true))
                {
                    return last;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{id} was not {runtimeStatus} within {patience}; last state: {last?.ToJsonString()}; gateway output:\n{gateway.Output}");
    }

    /// <summary>Waits for the engine's history of <paramref name="id"/> to hold a timer, read from the task hub's table.</summary>
    private async Task UntilTimerIsSetAsync(string config, string id, TimeSpan patience)
    {
        var taskHub = JsonNode.Parse(File.ReadAllText(config))!["extra_config"]!["switchyard/durable"]!["task_hub"]!.GetValue<string>();
        var history = new TableClient(azurite.ConnectionString, taskHub + "History");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience)
        {
            try
            {
                await foreach (var _ in history.QueryAsync<TableEntity>($"PartitionKey eq '{id}' and EventType eq 'TimerCreated'"))
                {
                    return;
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // The engine has not created its history table yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{id} set no timer within {patience}");
    }

    private static async Task Within(Task task, TimeSpan patience, GatewayProcess gateway, string what, Func<string>? more = null)
    {
        if (await Task.WhenAny(task, Task.Delay(patience)) != task)
        {
            throw new TimeoutException($"{what} did not happen within {patience} ({more?.Invoke()}); gateway output:\n{gateway.Output}");
        }
    }

    private static async Task Wait(TimeSpan time, HttpContext context)
    {
        try
        {
            await Task.Delay(time, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

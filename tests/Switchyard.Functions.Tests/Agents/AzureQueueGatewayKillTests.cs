using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.AzureQueue;
using Switchyard.Testing;
using Xunit.Abstractions;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The standalone gateway process consuming a Storage queue (no Functions host: its own driver) killed with SIGKILL
/// mid-stream: a message is deleted only after the backend answered, so every message not deleted becomes visible again
/// when its lease ends and the next process delivers it.
/// </summary>
public sealed class AzureQueueGatewayKillTests(AzuriteServer azurite, ITestOutputHelper output) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private const string Agent = "jobs";
    private const int Messages = 1000;
    private const int KillAfter = 200;
    private const int SigKillExitCode = 128 + 9;

    // The lease is 2 s (the timeout) + 10 s: the killed process's messages come back within it, plus polling.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-queue-kill-");
    private readonly string _setting = "SwitchyardKillStorage" + Guid.NewGuid().ToString("N");
    private readonly string _queueName = "kill-" + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync()
    {
        // The gateway processes inherit it: the agent's connection names this app setting, as under the host.
        Environment.SetEnvironmentVariable(_setting, azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_setting, null);
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Messages_not_deleted_when_the_gateway_is_killed_are_all_delivered_by_the_next_process()
    {
        var queue = new QueueClient(azurite.ConnectionString, _queueName, AzureQueueMessageSource.ClientOptions());
        await queue.CreateAsync();
        var bodies = Enumerable.Range(0, Messages).Select(n => "job-" + n.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (body, token) =>
            await queue.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)), token));

        // Handled = the backend finished with it (by message id: a Storage message keeps its id when delivered again);
        // a request cut short by the kill must come again.
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), context.RequestAborted);
            handled.AddOrUpdate(context.Request.Headers["X-Message-Id"].ToString(), 1, (_, count) => count + 1);
            await TestBackend.Json(context, "{}");
        });
        var configPath = WriteConfig(backend.Host);
        var clock = Stopwatch.StartNew();

        int handledBeforeKill;
        await using (var first = await GatewayProcess.StartAsync(configPath, Agent))
        {
            await WaitUntilAsync(() => Task.FromResult(handled.Count >= KillAfter), () => $"{KillAfter} messages should be handled; gateway output:\n{first.Output}");
            await first.KillAsync();

            first.ExitCode.Should().Be(SigKillExitCode, "Process.Kill sends SIGKILL on Linux: the gateway gets no chance to settle anything");
            handledBeforeKill = handled.Count;
            handledBeforeKill.Should().BeLessThan(Messages, "the gateway must be killed while it still has messages to consume");
        }

        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount.Should().BeGreaterThanOrEqualTo(
            Messages - handledBeforeKill, "no message is deleted before the backend has handled it");
        output.WriteLine($"killed after {handledBeforeKill} messages were handled ({clock.Elapsed.TotalSeconds:F1} s)");

        await using (var second = await GatewayProcess.StartAsync(configPath, Agent))
        {
            await WaitUntilAsync(() => Task.FromResult(handled.Count == Messages), () => $"every message should be handled; {handled.Count} were; output:\n{second.Output}");
            output.WriteLine($"all {Messages} handled {clock.Elapsed.TotalSeconds:F1} s after the first start");
            await WaitUntilAsync(
                async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
                    && (await second.AgentStatusAsync(Agent))?["in_flight"]?.GetValue<long>() == 0,
                () => "the queue should be emptied and nothing stay in flight");
            await second.TerminateAsync(TimeSpan.FromSeconds(15));
        }

        output.WriteLine($"{backend.Received.Count} deliveries at the backend for {Messages} messages");
        backend.Received.Select(request => request.Body).Distinct().Should().BeEquivalentTo(bodies, "each handled id is one of the messages sent");
        backend.Received.Count.Should().BeGreaterThanOrEqualTo(Messages, "at least once is the promise");
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount.Should().Be(0, "the count includes messages still under a lease");
        (await new QueueClient(azurite.ConnectionString, _queueName + AzureQueueDriverOptions.PoisonQueueSuffix).ExistsAsync()).Value
            .Should().BeFalse("no message was poisoned");
    }

    private string WriteConfig(string backendHost)
    {
        var path = Path.Combine(_directory.FullName, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "{{Agent}}", "connection": {"health_interval": "1s"},
               "consumer": {"workers": 8, "timeout": "2s"},
               "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/jobs", "method": "POST"}],
               "extra_config": {"async/azure-queue": {"queue": "{{_queueName}}", "connection": "{{_setting}}", "max_polling_interval": "1s"} } }]}
            """);
        return path;
    }

    private static Task WaitUntilAsync(Func<Task<bool>> done, Func<string> because) =>
        Polling.UntilAsync(done, Patience, TimeSpan.FromMilliseconds(50), because);
}

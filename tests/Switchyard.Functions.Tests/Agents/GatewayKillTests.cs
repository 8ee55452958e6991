using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Switchyard.Testing;
using Xunit.Abstractions;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The gateway process killed with SIGKILL while its agent consumes a RabbitMQ queue: acknowledging only after the
/// backend answered means every message not yet acknowledged is still the broker's, so a new process delivers it.
/// </summary>
public sealed class GatewayKillTests(RabbitMqServer broker, ITestOutputHelper output) : IClassFixture<RabbitMqServer>, IAsyncLifetime
{
    private const string Agent = "events";
    private const int Messages = 2000;
    private const int KillAfter = 300;
    private const int SigKillExitCode = 128 + 9;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-kill-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Messages_unacknowledged_when_the_gateway_is_killed_are_all_delivered_by_the_next_process()
    {
        await using var queue = await DurableAgentQueue.DeclareAsync(broker, "events.*");
        // A message counts as handled when the backend finished with it, not when its request arrived: a request cut
        // short by the kill must come again.
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), context.RequestAborted);
            handled.AddOrUpdate(context.Request.Headers["X-Message-Id"].ToString(), 1, (_, count) => count + 1);
            await TestBackend.Json(context, "{}");
        });
        var configPath = WriteConfig(queue, backend.Host);
        var ids = Enumerable.Range(0, Messages).Select(n => "m-" + n.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        await queue.PublishAsync("events.created", ids);
        (await queue.ReadyCountAsync()).Should().Be(Messages);

        int reachedBeforeKill;
        await using (var first = await GatewayProcess.StartAsync(configPath, Agent))
        {
            await WaitUntilAsync(() => backend.Received.Count >= KillAfter, () => $"{KillAfter} messages should reach the backend; gateway output:\n{first.Output}");
            await first.KillAsync();

            first.ExitCode.Should().Be(SigKillExitCode, "Process.Kill sends SIGKILL on Linux: the gateway gets no chance to settle anything");
            reachedBeforeKill = ArrivedIds(backend).Count;
            reachedBeforeKill.Should().BeLessThan(Messages, "the gateway must be killed while it still has messages to consume");
        }

        // Acked ⊆ reached the backend, and the broker takes back every unacked message when the connection drops.
        var ready = await EventuallyAsync(queue.ReadyCountAsync, count => count >= Messages - reachedBeforeKill);
        ready.Should().BeGreaterThanOrEqualTo((uint)(Messages - reachedBeforeKill), "no message is acknowledged before the backend has it");
        output.WriteLine($"killed after {reachedBeforeKill} messages reached the backend; {ready} ready in the queue after the kill");

        await using (var second = await GatewayProcess.StartAsync(configPath, Agent))
        {
            await WaitUntilAsync(() => handled.Count == Messages, () => $"every message should be handled by the backend; missing {Missing(ids, handled)}; output:\n{second.Output}");
            await WaitUntilAsync(
                async () => await queue.ReadyCountAsync() == 0 && (await second.AgentStatusAsync(Agent))?["in_flight"]?.GetValue<long>() == 0,
                () => "the queue should drain and nothing stay in flight");
            await second.TerminateAsync(TimeSpan.FromSeconds(15));
        }

        // After a graceful stop an unacknowledged message would be ready again: the queue is really empty.
        (await queue.ReadyCountAsync()).Should().Be(0);
        output.WriteLine($"{backend.Received.Count} deliveries at the backend for {Messages} messages");
        handled.Keys.Should().BeEquivalentTo(ids);
        backend.Received.Count.Should().BeGreaterThan(Messages, "the messages in flight at the kill reached the backend again (at least once is the promise)");
    }

    private string WriteConfig(DurableAgentQueue queue, string backendHost)
    {
        var path = Path.Combine(_directory.FullName, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "{{Agent}}", "connection": {"health_interval": "1s"},
               "consumer": {"topic": "events.*", "workers": 8, "timeout": "5s"},
               "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/events", "method": "POST"}],
               "extra_config": {"async/amqp": {"host": "{{broker.AmqpUri}}", "name": "{{queue.Queue}}", "exchange": "{{queue.Exchange}}", "durable": true} } }]}
            """);
        return path;
    }

    private static HashSet<string> ArrivedIds(TestBackend backend) =>
        backend.Received.Select(request => request.Headers["X-Message-Id"].ToString()).ToHashSet(StringComparer.Ordinal);

    private static string Missing(List<string> ids, ConcurrentDictionary<string, int> handled)
    {
        var missing = ids.Where(id => !handled.ContainsKey(id)).ToList();
        return $"{missing.Count} ({string.Join(", ", missing.Take(10))})";
    }

    private static Task WaitUntilAsync(Func<bool> done, Func<string> because) => WaitUntilAsync(() => Task.FromResult(done()), because);

    private static Task WaitUntilAsync(Func<Task<bool>> done, Func<string> because) =>
        Polling.UntilAsync(done, Patience, TimeSpan.FromMilliseconds(10), because);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}

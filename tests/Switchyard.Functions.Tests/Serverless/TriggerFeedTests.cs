using Switchyard.Core.Agents;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Tests.Serverless;

public sealed class TriggerFeedTests
{
    private static AgentMessage Message(string id) => new() { Id = id, Settlement = new RecordedSettlement() };

    [Fact]
    public async Task An_invocation_before_the_runner_connects_waits_for_it()
    {
        var feed = new TriggerFeed();
        var handled = new List<string?>();
        var delivering = feed.DeliverAsync(Message("early"), CancellationToken.None);
        await Task.Delay(20);
        delivering.IsCompleted.Should().BeFalse();

        await using var source = feed.Connect();
        await source.StartAsync((message, _) => { handled.Add(message.Id); return Task.CompletedTask; }, 1, CancellationToken.None);

        (await delivering.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();
        handled.Should().Equal("early");
        (await source.PingAsync(CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Once_the_runner_stops_consuming_invocations_are_refused_at_once()
    {
        var feed = new TriggerFeed();
        var source = feed.Connect();
        await source.StartAsync((_, _) => Task.CompletedTask, 1, CancellationToken.None);

        await source.StopConsumingAsync(CancellationToken.None);

        (await feed.DeliverAsync(Message("late"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Should().BeFalse();
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
        await source.DisposeAsync();
        source.Closed.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task A_new_connection_takes_invocations_again()
    {
        var feed = new TriggerFeed();
        await using (var first = feed.Connect())
        {
            await first.StartAsync((_, _) => Task.CompletedTask, 1, CancellationToken.None);
        }

        var handled = 0;
        await using var second = feed.Connect();
        await second.StartAsync((_, _) => { handled++; return Task.CompletedTask; }, 1, CancellationToken.None);

        (await feed.DeliverAsync(Message("m"), CancellationToken.None)).Should().BeTrue();
        handled.Should().Be(1);
    }

    [Fact]
    public async Task An_abandoned_invocation_stops_waiting_and_cancels_the_message_in_the_pipe()
    {
        var feed = new TriggerFeed();
        using var abandoned = new CancellationTokenSource();
        var waiting = feed.DeliverAsync(Message("waiting"), abandoned.Token);
        await abandoned.CancelAsync();
        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();

        var cancelled = new TaskCompletionSource<bool>();
        await using var source = feed.Connect();
        await source.StartAsync(
            async (_, connection) =>
            {
                using var registration = connection.Register(() => cancelled.TrySetResult(true));
                await cancelled.Task;
            },
            1,
            CancellationToken.None);
        using var host = new CancellationTokenSource();
        var running = feed.DeliverAsync(Message("running"), host.Token);
        await host.CancelAsync();

        (await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("the runner sees the abandoned invocation as a lost connection");
        await running.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

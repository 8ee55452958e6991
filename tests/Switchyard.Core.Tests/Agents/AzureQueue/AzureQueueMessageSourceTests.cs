using System.Threading.Channels;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.AzureQueue;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.AzureQueue;

/// <summary>The Storage queue driver alone against Azurite: delivery counts, settlement, health and outages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureQueueMessageSourceTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_requeued_message_comes_back_at_once_with_the_dequeue_count_as_its_delivery_count()
    {
        var agent = AzureQueueTestAgents.Create(azurite, "http://127.0.0.1:1");
        var queue = await AzureQueueTestAgents.SendAsync(azurite, agent, ["again"]);
        var deliveries = Channel.CreateUnbounded<AgentMessage>();
        await using var source = new AzureQueueMessageSource(agent);

        await source.StartAsync(
            async (message, _) =>
            {
                await deliveries.Writer.WriteAsync(message);
                if (message.DeliveryCount < 3)
                {
                    await message.Settlement.NackAsync(requeue: true);
                }
                else
                {
                    await message.Settlement.AckAsync();
                }
            },
            1,
            CancellationToken.None);

        var seen = new List<AgentMessage>();
        using var timeout = new CancellationTokenSource(Patience);
        for (var i = 0; i < 3; i++)
        {
            seen.Add(await deliveries.Reader.ReadAsync(timeout.Token));
        }

        seen.Select(message => message.DeliveryCount).Should().Equal(1, 2, 3);
        seen.Select(message => message.Id).Distinct().Should().ContainSingle();
        seen.Should().OnlyContain(message => System.Text.Encoding.UTF8.GetString(message.Body.ToArray()) == "again");
        await Eventually.HoldsAsync(() => AzureQueueTestAgents.CountAsync(queue).Result == 0 && queue.PeekMessages().Value.Length == 0, what: "the acked message deleted");
    }

    [Fact]
    public async Task Ping_follows_the_queue_and_an_outage_completes_closed()
    {
        await using var own = await AzuriteServer.StartAsync();
        var agent = AzureQueueTestAgents.Create(own, "http://127.0.0.1:1");
        var source = new AzureQueueMessageSource(agent);
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse("not started");

        await source.StartAsync((message, _) => message.Settlement.AckAsync().AsTask(), 1, CancellationToken.None);
        (await source.PingAsync(CancellationToken.None)).Should().BeTrue("the queue was created and answers");

        await own.StopAsync();
        var reason = await source.Closed.WaitAsync(Patience);
        reason.Should().StartWith("receiving failed");
        (await source.PingAsync(CancellationToken.None)).Should().BeFalse();
        await source.DisposeAsync();

        await own.StartAgainAsync();
        await using var again = new AzureQueueMessageSource(agent);
        await again.StartAsync((message, _) => message.Settlement.AckAsync().AsTask(), 1, CancellationToken.None);
        (await again.PingAsync(CancellationToken.None)).Should().BeTrue("a new source connects once storage is back");
    }

    [Fact]
    public async Task Starting_without_the_connection_setting_throws_naming_the_settings_looked_for()
    {
        var agent = AzureQueueTestAgents.Create(azurite, "http://127.0.0.1:1");
        agent = agent with { AzureQueue = agent.AzureQueue! with { Connection = "SwitchyardMissing" + Guid.NewGuid().ToString("N") } };
        await using var source = new AzureQueueMessageSource(agent);

        var start = () => source.StartAsync((message, _) => Task.CompletedTask, 1, CancellationToken.None);

        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("no storage connection: set the app setting 'SwitchyardMissing*__accountName*");
    }

    [Theory]
    [InlineData(5, 15)]
    [InlineData(0, 40)]
    public void The_lease_is_the_message_timeout_and_ten_seconds(int timeoutSeconds, int leaseSeconds) =>
        AzureQueueMessageSource.LeaseOf(TimeSpan.FromSeconds(timeoutSeconds)).Should().Be(TimeSpan.FromSeconds(leaseSeconds));
}

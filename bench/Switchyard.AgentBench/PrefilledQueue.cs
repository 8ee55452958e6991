using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Switchyard.AgentBench;

/// <summary>A fresh exchange and queue holding N small JSON messages, published with confirms before a consumer starts.</summary>
internal static class PrefilledQueue
{
    public const string Topic = "bench.*";
    public const string RoutingKey = "bench.event";

    /// <summary>Declares <paramref name="queue"/> as the agent will (not durable, not auto-delete) and fills it.</summary>
    public static async Task FillAsync(IConnection connection, string exchange, string queue, int messages)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, Topic);

        var pending = new List<ValueTask>(512);
        for (var n = 0; n < messages; n++)
        {
            var properties = new BasicProperties { MessageId = n.ToString(CultureInfo.InvariantCulture), ContentType = "application/json" };
            pending.Add(channel.BasicPublishAsync(exchange, RoutingKey, mandatory: false, properties, Encoding.UTF8.GetBytes($$"""{"n":{{n}}}""")));
            if (pending.Count == pending.Capacity)
            {
                await ConfirmAllAsync(pending);
            }
        }

        await ConfirmAllAsync(pending);
        var ready = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        if (ready != messages)
        {
            throw new InvalidOperationException($"The queue holds {ready} messages, not {messages}.");
        }
    }

    public static async Task DeleteAsync(IConnection connection, string exchange, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeleteAsync(exchange);
    }

    private static async Task ConfirmAllAsync(List<ValueTask> pending)
    {
        foreach (var publish in pending)
        {
            await publish;
        }

        pending.Clear();
    }
}

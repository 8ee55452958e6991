using System.Text;
using RabbitMQ.Client;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The test's own side of an agent's queue on a private broker: a durable topic exchange and queue bound with the
/// agent's topic (declared as the agent declares them, so both agree), persistent messages published with publisher
/// confirms, and the queue's ready-message count.
/// </summary>
internal sealed class DurableAgentQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _publisher;

    private DurableAgentQueue(IConnection connection, IChannel publisher, string exchange, string queue)
    {
        _connection = connection;
        _publisher = publisher;
        Exchange = exchange;
        Queue = queue;
    }

    public string Exchange { get; }

    public string Queue { get; }

    /// <summary>Declares a new, uniquely named exchange and queue bound with <paramref name="topic"/>.</summary>
    public static async Task<DurableAgentQueue> DeclareAsync(RabbitMqServer server, string topic)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (exchange, queue) = ("exchange-" + unique, "queue-" + unique);
        var connection = await new ConnectionFactory { Uri = server.AmqpUri }.CreateConnectionAsync();
        var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await publisher.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await publisher.QueueBindAsync(queue, exchange, topic);
        return new DurableAgentQueue(connection, publisher, exchange, queue);
    }

    /// <summary>Publishes persistent JSON messages with the given ids, each confirmed by the broker.</summary>
    public async Task PublishAsync(string routingKey, IEnumerable<string> messageIds)
    {
        // Confirms are awaited in batches: one at a time would make a few thousand messages take seconds.
        var pending = new List<ValueTask>();
        foreach (var id in messageIds)
        {
            var properties = new BasicProperties { MessageId = id, ContentType = "application/json", Persistent = true };
            pending.Add(_publisher.BasicPublishAsync(Exchange, routingKey, mandatory: false, properties, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}""")));
            if (pending.Count == 256)
            {
                await AwaitAllAsync(pending);
            }
        }

        await AwaitAllAsync(pending);
    }

    /// <summary>Messages ready in the queue (delivered but unacknowledged ones are not counted).</summary>
    public async Task<uint> ReadyCountAsync()
    {
        await using var channel = await _connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(Queue)).MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    private static async Task AwaitAllAsync(List<ValueTask> pending)
    {
        foreach (var publish in pending)
        {
            await publish;
        }

        pending.Clear();
    }
}

using RabbitMQ.Client;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

/// <summary>A plain RabbitMQ client for the tests' own side: publishing (confirmed) and looking into queues.</summary>
internal sealed class BrokerClient : IAsyncDisposable
{
    private readonly IConnection _connection;

    private BrokerClient(IConnection connection, IChannel channel)
    {
        _connection = connection;
        Channel = channel;
    }

    /// <summary>A channel with publisher confirms; a broker error closes it, so each check opens its own.</summary>
    public IChannel Channel { get; }

    public static async Task<BrokerClient> ConnectAsync(RabbitMqServer server)
    {
        var connection = await new ConnectionFactory { Uri = server.AmqpUri }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        return new BrokerClient(connection, channel);
    }

    public async Task PublishAsync(string exchange, string routingKey, string body, BasicProperties? properties = null) =>
        await Channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties ?? new BasicProperties(), Utf8.Bytes(body));

    public async Task<uint> MessageCountAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Runs <paramref name="check"/> on a fresh channel (a refused declare closes it).</summary>
    public async Task OnNewChannelAsync(Func<IChannel, Task> check)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await check(channel);
    }

    /// <summary>Takes the next message of <paramref name="queue"/>, or null when it is empty.</summary>
    public async Task<BasicGetResult?> GetAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

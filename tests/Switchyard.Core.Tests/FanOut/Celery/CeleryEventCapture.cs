using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>
/// What Celery emitted, seen independently of the fan-out agent: a plain exclusive queue bound to the event exchange
/// with <c>#</c>, consumed with auto-ack, its messages unpacked into events (including those inside <c>task.multi</c> arrays).
/// </summary>
internal sealed class CeleryEventCapture : ICeleryEventCapture
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private CeleryEventCapture(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Every event received, in arrival order.</summary>
    public ConcurrentQueue<CeleryEvent> Events { get; } = new();

    /// <summary>Binds the capture queue; events Celery publishes before this returns are not seen (the exchange drops them).</summary>
    public static async Task<CeleryEventCapture> StartAsync(Uri broker, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var capture = new CeleryEventCapture(connection, channel);

        // Declared as Celery (kombu) and the fan-out agent declare it: a durable topic exchange.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "#");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            foreach (var item in CeleryEvent.Parse(delivery.Body))
            {
                capture.Events.Enqueue(item);
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

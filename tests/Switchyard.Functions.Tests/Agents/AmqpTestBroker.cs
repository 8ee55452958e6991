using RabbitMQ.Client;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The test's own RabbitMQ client: declares a scenario's topology as the agent will (so nothing published before the
/// agent connects is dropped), publishes persistent messages with publisher confirms, and looks into queues.
/// </summary>
internal sealed class AmqpTestBroker : IAsyncDisposable
{
    // Confirms are awaited in batches: one round trip per message would make 10 000 publishes slow.
    private const int ConfirmBatch = 500;

    private readonly AmqpAgentScenario _scenario;
    private readonly IConnection _connection;
    private readonly IChannel _publisher;

    private AmqpTestBroker(AmqpAgentScenario scenario, IConnection connection, IChannel publisher)
    {
        (_scenario, _connection, _publisher) = (scenario, connection, publisher);
    }

    /// <summary>Connects and declares the scenario's exchange, queue and binding with the flags its configuration gives.</summary>
    public static async Task<AmqpTestBroker> ConnectAsync(AmqpAgentScenario scenario)
    {
        var connection = await new ConnectionFactory { Uri = scenario.Server.AmqpUri }.CreateConnectionAsync();
        var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await publisher.ExchangeDeclareAsync(scenario.Exchange, ExchangeType.Topic, scenario.Durable, autoDelete: false);
        await publisher.QueueDeclareAsync(scenario.Queue, scenario.Durable, exclusive: false, autoDelete: false);
        await publisher.QueueBindAsync(scenario.Queue, scenario.Exchange, AmqpAgentScenario.Topic);
        return new AmqpTestBroker(scenario, connection, publisher);
    }

    /// <summary>The id of the <paramref name="index"/>-th message of a test: <c>&lt;prefix&gt;-&lt;index&gt;</c>.</summary>
    public static string MessageId(string prefix, int index) => $"{prefix}-{index}";

    /// <summary>
    /// Publishes messages <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 (persistent,
    /// id <see cref="MessageId"/>, body <c>{"n":index}</c>) and returns once the broker confirmed every one.
    /// </summary>
    /// <param name="headers">AMQP headers every message carries (a producer's <c>traceparent</c>, say), or null for none.</param>
    public async Task PublishAsync(string prefix, int count, int first = 0, IDictionary<string, object?>? headers = null)
    {
        var pending = new List<Task>(ConfirmBatch);
        for (var index = first; index < first + count; index++)
        {
            var properties = new BasicProperties
            {
                MessageId = MessageId(prefix, index),
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
                Headers = headers,
            };
            var body = System.Text.Encoding.UTF8.GetBytes($$"""{"n":{{index}}}""");
            pending.Add(_publisher.BasicPublishAsync(_scenario.Exchange, AmqpAgentScenario.RoutingKey, mandatory: true, properties, body).AsTask());
            if (pending.Count == ConfirmBatch)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    /// <summary>Messages ready in <paramref name="queue"/> (a passive declare: it must exist).</summary>
    public async Task<uint> MessageCountAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Takes the next message of <paramref name="queue"/>, or null when it is empty.</summary>
    public async Task<BasicGetResult?> GetAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();

        // A broker outage may have closed the connection already; closing it again would throw.
        if (_connection.IsOpen)
        {
            await _connection.CloseAsync();
        }

        await _connection.DisposeAsync();
    }
}

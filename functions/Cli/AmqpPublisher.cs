using RabbitMQ.Client;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Cli;

/// <summary>Publishes one persistent message to an agent's topic exchange and waits for the broker's confirm.</summary>
internal static class AmqpPublisher
{
    public static async Task<string> PublishAsync(AmqpDriverOptions amqp, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp.Host), ClientProvidedName = "switchyard send" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await connection.CreateChannelAsync(options, cancellationToken).ConfigureAwait(false);

        // Declared as the agent declares it, so sending before the agent first connected does not fail.
        await channel.ExchangeDeclareAsync(amqp.Exchange, ExchangeType.Topic, amqp.Durable, amqp.Delete, cancellationToken: cancellationToken).ConfigureAwait(false);
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = message.Id,
            ContentType = message.ContentType,
            Headers = message.Headers.Count == 0 ? null : message.Headers.ToDictionary(h => h.Key, h => (object?)h.Value),
        };
        await channel.BasicPublishAsync(amqp.Exchange, message.RoutingKey, mandatory: false, properties, message.Body, cancellationToken).ConfigureAwait(false);
        return $"published {message.Body.Length} bytes to exchange '{amqp.Exchange}' with routing key '{message.RoutingKey}' (message {message.Id})";
    }
}

using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Cli;

/// <summary>
/// Sends one message to an <c>async/servicebus</c> agent's queue or topic, with the properties the Functions host's
/// <c>serviceBusTrigger</c> hands to the agent: message id, content type, subject (the routing key) and application
/// properties (the headers).
/// </summary>
internal static class ServiceBusPublisher
{
    /// <summary>The identity form of the agent's connection setting, as the Functions host reads it.</summary>
    public const string NamespaceSuffix = "fullyQualifiedNamespace";

    /// <summary>The message as the SDK sends it; built apart from sending so that it can be checked without a namespace.</summary>
    public static ServiceBusMessage Build(OutgoingMessage message)
    {
        var built = new ServiceBusMessage(BinaryData.FromBytes(message.Body))
        {
            MessageId = message.Id,
            ContentType = message.ContentType,
            Subject = message.RoutingKey.Length > 0 ? message.RoutingKey : null,
        };
        foreach (var (name, value) in message.Headers)
        {
            built.ApplicationProperties[name] = value;
        }

        return built;
    }

    /// <summary>
    /// The client for <paramref name="connection"/>: a connection string (with its key), or a namespace
    /// (<c>NAME.servicebus.windows.net</c>) reached with <c>DefaultAzureCredential</c>. It connects on the first send.
    /// </summary>
    public static ServiceBusClient Client(ServiceBusConnectionTarget connection) => connection.IsConnectionString
        ? new ServiceBusClient(connection.Value)
        : new ServiceBusClient(connection.Value, new DefaultAzureCredential());

    /// <summary>The sender to the agent's queue, or to its topic (the subscription is the agent's side of the topic).</summary>
    public static ServiceBusSender Sender(ServiceBusClient client, ServiceBusDriverOptions serviceBus) =>
        client.CreateSender(string.IsNullOrEmpty(serviceBus.Queue) ? serviceBus.Topic : serviceBus.Queue);

    public static async Task<string> PublishAsync(ServiceBusDriverOptions serviceBus, ServiceBusConnectionTarget connection, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var client = Client(connection);
        await using (client.ConfigureAwait(false))
        {
            var sender = Sender(client, serviceBus);
            await using (sender.ConfigureAwait(false))
            {
                await sender.SendMessageAsync(Build(message), cancellationToken).ConfigureAwait(false);
            }

            var kind = string.IsNullOrEmpty(serviceBus.Queue) ? "topic" : "queue";
            return $"published {message.Body.Length} bytes to Service Bus {kind} '{sender.EntityPath}' of {client.FullyQualifiedNamespace} (message {message.Id})";
        }
    }
}

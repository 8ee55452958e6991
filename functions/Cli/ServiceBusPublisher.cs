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
    /// Sends <paramref name="message"/> through <paramref name="connection"/>: a connection string (with its key), or
    /// a namespace (<c>NAME.servicebus.windows.net</c>) reached with <c>DefaultAzureCredential</c>.
    /// </summary>
    public static async Task<string> PublishAsync(ServiceBusDriverOptions serviceBus, ServiceBusConnectionTarget connection, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var entity = string.IsNullOrEmpty(serviceBus.Queue) ? serviceBus.Topic! : serviceBus.Queue;
        var client = connection.IsConnectionString
            ? new ServiceBusClient(connection.Value)
            : new ServiceBusClient(connection.Value, new DefaultAzureCredential());
        await using (client.ConfigureAwait(false))
        {
            var sender = client.CreateSender(entity);
            await using (sender.ConfigureAwait(false))
            {
                await sender.SendMessageAsync(Build(message), cancellationToken).ConfigureAwait(false);
            }

            var kind = string.IsNullOrEmpty(serviceBus.Queue) ? "topic" : "queue";
            return $"published {message.Body.Length} bytes to Service Bus {kind} '{entity}' of {client.FullyQualifiedNamespace} (message {message.Id})";
        }
    }
}

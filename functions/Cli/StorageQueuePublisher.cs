using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.AzureQueue;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Cli;

/// <summary>
/// Puts one message on an <c>async/azure-queue</c> agent's Storage queue, encoded as the agent's <c>message_encoding</c>
/// says (base64 by default, as the Functions host's <c>queueTrigger</c> decodes it); a Storage message has no properties,
/// so only the body travels.
/// </summary>
internal static class StorageQueuePublisher
{
    /// <summary>
    /// The client of the agent's queue: through <paramref name="connection"/> (<c>--connection</c>: a connection
    /// string, an account name or a service URL, the forms <see cref="StorageAccountAddress"/> reads; an account is
    /// reached with <c>DefaultAzureCredential</c>) when given, else through the agent's own connection setting, found as
    /// the agent finds it (<see cref="AzureQueueAccount"/>). Bodies are encoded as the agent's <c>message_encoding</c>
    /// says its consumer (and the Functions host) decodes them.
    /// </summary>
    public static QueueClient Client(AzureQueueDriverOptions azureQueue, string? connection)
    {
        // A service version Azurite 3.37 knows too (the SDK's newest, 2026-10-06, it refuses unless started with
        // --skipApiVersionCheck), so that sending to a developer's Azurite works as it works with Azure.
        var options = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06)
        {
            MessageEncoding = azureQueue.MessageEncoding == AzureQueueMessageEncoding.None ? QueueMessageEncoding.None : QueueMessageEncoding.Base64,
        };
        if (connection is null)
        {
            return AzureQueueAccount.Connect(azureQueue.Connection, options).GetQueueClient(azureQueue.Queue);
        }

        return StorageAccountAddress.Parse(connection, out var problem) switch
        {
            { ConnectionString: { } connectionString } => new QueueClient(connectionString, azureQueue.Queue, options),
            { Services: var (_, service, _) } => new QueueClient(new Uri(service, azureQueue.Queue), new DefaultAzureCredential(), options),
            _ => throw new InvalidOperationException("the storage connection " + problem),
        };
    }

    public static async Task<string> PublishAsync(AzureQueueDriverOptions azureQueue, string? connection, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var client = Client(azureQueue, connection);
        SendReceipt receipt;
        try
        {
            receipt = await client.SendMessageAsync(BinaryData.FromBytes(body), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            // Created only when missing, so sending before the agent first ran works, while an identity that may only
            // send (Storage Queue Data Message Sender) never needs the right to create queues.
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            receipt = await client.SendMessageAsync(BinaryData.FromBytes(body), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return $"published {body.Length} bytes to storage queue '{azureQueue.Queue}' of account '{client.AccountName}' (message {receipt.MessageId})";
    }
}

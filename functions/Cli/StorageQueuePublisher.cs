using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Switchyard.Core.Agents;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Cli;

/// <summary>
/// Puts one message on an <c>async/azure-queue</c> agent's Storage queue. The body is base64-encoded, as the Functions
/// host's <c>queueTrigger</c> decodes it by default; a Storage message has no properties, so only the body travels.
/// </summary>
internal static class StorageQueuePublisher
{
    /// <summary>The identity forms of the agent's connection setting, as the Functions host reads them.</summary>
    private static readonly string[] IdentitySuffixes = ["queueServiceUri", "accountName"];

    /// <summary>
    /// <c>--connection</c> when given, else the agent's connection setting as the Functions host reads it: the setting
    /// itself, else <c>&lt;setting&gt;__queueServiceUri</c>, else <c>&lt;setting&gt;__accountName</c>. Null with the
    /// reason when none is set.
    /// </summary>
    public static string? Connection(AzureQueueDriverOptions azureQueue, string? given, out string problem)
    {
        problem = "";
        if (given is not null)
        {
            return given;
        }

        foreach (var name in IdentitySuffixes.Select(suffix => azureQueue.Connection + "__" + suffix).Prepend(azureQueue.Connection))
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        problem = $"no storage connection: give --connection, or set {azureQueue.Connection} (a connection string) or "
            + string.Join(" or ", IdentitySuffixes.Select(suffix => azureQueue.Connection + "__" + suffix));
        return null;
    }

    /// <summary>
    /// The queue client for <paramref name="connection"/> (a connection string, an account name or a service URL, the
    /// forms <see cref="StorageAccountAddress"/> reads; an account is reached with <c>DefaultAzureCredential</c>).
    /// </summary>
    public static QueueClient Client(string connection, string queue)
    {
        // A service version Azurite 3.37 knows too (the SDK's newest, 2026-10-06, it refuses unless started with
        // --skipApiVersionCheck), so that sending to a developer's Azurite works as it works with Azure.
        var options = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06) { MessageEncoding = QueueMessageEncoding.Base64 };
        return StorageAccountAddress.Parse(connection, out var problem) switch
        {
            { ConnectionString: { } connectionString } => new QueueClient(connectionString, queue, options),
            { Services: var (_, service, _) } => new QueueClient(new Uri(service, queue), new DefaultAzureCredential(), options),
            _ => throw new InvalidOperationException("the storage connection " + problem),
        };
    }

    public static async Task<string> PublishAsync(AzureQueueDriverOptions azureQueue, string connection, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var client = Client(connection, azureQueue.Queue);
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

using Azure.Identity;
using Azure.Storage.Queues;
using Switchyard.Core.Durable;

namespace Switchyard.Core.Agents.AzureQueue;

/// <summary>
/// The queue service an <c>async/azure-queue</c> agent's <c>connection</c> names, found in the app settings (the
/// environment) as the Functions host finds it: the setting itself (or <c>AzureWebJobs&lt;name&gt;</c>) holding a
/// connection string, an account name or a service URL (read by <see cref="StorageAccountAddress"/>); else the
/// identity-based settings <c>&lt;name&gt;__queueServiceUri</c>, <c>&lt;name&gt;__serviceUri</c> or
/// <c>&lt;name&gt;__accountName</c>, reached with the managed identity (<c>&lt;name&gt;__clientId</c> picks a
/// user-assigned one).
/// </summary>
public static class AzureQueueAccount
{
    /// <summary>The service client, or an exception that names the settings looked for (never their values).</summary>
    public static QueueServiceClient Connect(string connection, QueueClientOptions options)
    {
        if ((Setting(connection) ?? Setting("AzureWebJobs" + connection)) is { } value)
        {
            var address = StorageAccountAddress.Parse(value, out var problem)
                ?? throw new InvalidOperationException($"the app setting '{connection}' {problem}");
            return address.ConnectionString is { } connectionString
                ? new QueueServiceClient(connectionString, options)
                : new QueueServiceClient(address.Services!.Value.Queue, Credential(connection), options);
        }

        if ((Setting(connection + "__queueServiceUri") ?? Setting(connection + "__serviceUri")) is { } serviceUri)
        {
            if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"the app setting '{connection}__queueServiceUri' is not a URL");
            }

            return new QueueServiceClient(uri, Credential(connection), options);
        }

        if (Setting(connection + "__accountName") is { } accountName)
        {
            var address = StorageAccountAddress.Parse(accountName, out var problem) is { Services: var (_, queue, _) }
                ? queue
                : throw new InvalidOperationException($"the app setting '{connection}__accountName' {problem}");
            return new QueueServiceClient(address, Credential(connection), options);
        }

        throw new InvalidOperationException(
            $"no storage connection: set the app setting '{connection}' to a connection string, or "
            + $"'{connection}__accountName' (or '{connection}__queueServiceUri') to use the managed identity");
    }

    private static DefaultAzureCredential Credential(string connection) =>
        Setting(connection + "__clientId") is { } clientId
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId })
            : new DefaultAzureCredential();

    private static string? Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

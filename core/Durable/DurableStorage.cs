using Azure.Identity;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Switchyard.Core.Durable;

/// <summary>
/// The engine's Azure Storage settings from <see cref="DurableEngineOptions"/>: the account (a connection string, or an
/// account name reached with the managed identity), the task hub and the timings that make flows fast and crash-safe.
/// </summary>
internal static class DurableStorage
{
    public static AzureStorageOrchestrationServiceSettings Settings(DurableEngineOptions options, ILoggerFactory loggers) => new()
    {
        StorageAccountClientProvider = Account(Connection(options)),
        TaskHubName = options.TaskHub,
        PartitionCount = options.Partitions,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxQueuePollingInterval = options.QueuePolling,
        WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
        ControlQueueVisibilityTimeout = options.VisibilityTimeout,
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseInterval / 3,
        LeaseAcquireInterval = options.LeaseInterval / 3,
        WorkerId = options.WorkerId.Length > 0 ? options.WorkerId : WorkerId.ForThisProcess(),
        LoggerFactory = loggers,
    };

    /// <summary>The connection in effect: <c>SWITCHYARD_DURABLE_CONNECTION</c> when set, else the configuration's.</summary>
    public static string Connection(DurableEngineOptions options) =>
        Environment.GetEnvironmentVariable(DurableEngineOptions.ConnectionVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : options.Connection;

    // Checked at load time (DurableValidator); the managed identity is the one the host gives (AZURE_CLIENT_ID picks a
    // user-assigned one), or a developer's own sign-in when run on a workstation.
    private static StorageAccountClientProvider Account(string connection) =>
        StorageAccountAddress.Parse(connection, out var problem) switch
        {
            { ConnectionString: { } connectionString } => new StorageAccountClientProvider(connectionString),
            { Services: var (blob, queue, table) } => new StorageAccountClientProvider(blob, queue, table, new DefaultAzureCredential()),
            _ => throw new InvalidOperationException($"{DurableEngineOptions.JsonPath}.connection {problem}"),
        };
}

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

    // A connection string has settings (name=value); anything else names the account the managed identity reaches.
    private static StorageAccountClientProvider Account(string connection) =>
        connection.Contains('=', StringComparison.Ordinal)
            ? new StorageAccountClientProvider(connection)
            : new StorageAccountClientProvider(AccountName(connection), new DefaultAzureCredential());

    private static string AccountName(string connection) =>
        Uri.TryCreate(connection, UriKind.Absolute, out var url) ? url.Host.Split('.')[0] : connection;
}

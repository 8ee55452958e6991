namespace Switchyard.Core.Durable;

/// <summary>
/// The service-level <c>switchyard/durable</c>: the Durable Task engine every durable pipe of the gateway runs on (Azure
/// Storage: Azurite locally, the function app's Storage account in Azure), and the timings that make it answer in tens
/// of milliseconds and recover from a crashed process in seconds (measured in the repository's durable-task reference).
/// </summary>
public sealed record DurableEngineOptions
{
    /// <summary>The JSON path of the namespace, for messages.</summary>
    public const string JsonPath = "extra_config.switchyard/durable";

    /// <summary>The environment variable that overrides <see cref="Connection"/>.</summary>
    public const string ConnectionVariable = "SWITCHYARD_DURABLE_CONNECTION";

    /// <summary>
    /// <c>connection</c>: an Azure Storage connection string, <c>UseDevelopmentStorage=true</c> (Azurite on its default
    /// ports), or an account name or <c>https://</c> account URL reached with the managed identity (Azure.Identity).
    /// <c>SWITCHYARD_DURABLE_CONNECTION</c> overrides it. <value>The default value is empty: none (a durable pipe then
    /// refuses the configuration).</value>
    /// </summary>
    public string Connection { get; init; } = "";

    /// <summary>
    /// <c>task_hub</c>: the name of the engine's queues, tables and blobs; processes on one task hub share the work.
    /// Letters and digits, 3 to 45 characters, starting with a letter. <value>The default value is <c>switchyard</c>.</value>
    /// </summary>
    public string TaskHub { get; init; } = "switchyard";

    /// <summary>
    /// <c>partitions</c>: the control queues orchestrations are spread over (1 to 16); at most that many processes run
    /// orchestrations at once (activities are shared by all). <value>The default value is 4.</value>
    /// </summary>
    public int Partitions { get; init; } = 4;

    /// <summary><c>max_concurrent_activities</c>: steps one process runs at once (1 to 1000). <value>The default value is 32.</value></summary>
    public int MaxConcurrentActivities { get; init; } = 32;

    /// <summary>
    /// <c>max_concurrent_orchestrations</c>: orchestration episodes one process runs at once (1 to 1000).
    /// <value>The default value is 32.</value>
    /// </summary>
    public int MaxConcurrentOrchestrations { get; init; } = 32;

    /// <summary>
    /// <c>queue_polling</c>: the longest an idle queue waits between two polls (the engine's
    /// <c>MaxQueuePollingInterval</c>, 30 s by default, which made a step take seconds to start when another process
    /// queued it). Fast polling costs CPU on an idle app (about 2 s per 30 s at 100 ms), hence a setting.
    /// <value>The default value is 100 ms.</value>
    /// </summary>
    public TimeSpan QueuePolling { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// <c>status_polling</c>: how often a durable endpoint looks at its flow's state while it waits for the answer (the
    /// engine's own wait polls every 2 s). <value>The default value is 10 ms.</value>
    /// </summary>
    public TimeSpan StatusPolling { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// <c>visibility_timeout</c>: how long a step taken by a process stays hidden from the others (the engine's
    /// <c>WorkItemQueueVisibilityTimeout</c>, 5 min by default). A step lost with a crashed process is taken again after
    /// it; it must exceed the longest step (a durable backend's timeout), or a slow step is handed to a second process.
    /// <value>The default value is 10 s.</value>
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>lease_interval</c>: how long a process owns a partition without renewing it (the engine's
    /// <c>LeaseInterval</c>, 30 s by default); a crashed process's partitions move on after it. With the 10 s visibility
    /// timeout, a flow whose process died finishes on another within about 13 s (measured).
    /// <value>The default value is 6 s.</value>
    /// </summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// <c>worker_id</c>: this process's name among the task hub's workers; it must be unique per process.
    /// <value>The default value is empty: the machine name, the process id and a random suffix.</value>
    /// </summary>
    public string WorkerId { get; init; } = "";
}

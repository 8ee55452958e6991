namespace Switchyard.Core.FanOut;

/// <summary>Celery event types and the states, kinds and <c>&lt;state&gt;_at</c> fields Leek's documents use.</summary>
internal static class CeleryStates
{
    public const string Task = "task";
    public const string Worker = "worker";

    /// <summary>The kind, state and timestamp field of <paramref name="type"/>; null for a type Celery does not send.</summary>
    public static (string Kind, string State, string AtField)? Of(string type) => type switch
    {
        "task-sent" => (Task, "QUEUED", "queued_at"),
        "task-received" => (Task, "RECEIVED", "received_at"),
        "task-started" => (Task, "STARTED", "started_at"),
        "task-succeeded" => (Task, "SUCCEEDED", "succeeded_at"),
        "task-failed" => (Task, "FAILED", "failed_at"),
        "task-rejected" => (Task, "REJECTED", "rejected_at"),
        "task-revoked" => (Task, "REVOKED", "revoked_at"),
        "task-retried" => (Task, "RETRY", "retried_at"),
        "worker-online" => (Worker, "ONLINE", "online_at"),
        "worker-heartbeat" => (Worker, "HEARTBEAT", "last_heartbeat_at"),
        "worker-offline" => (Worker, "OFFLINE", "offline_at"),
        _ => null,
    };

    /// <summary>States after which a task does not change any more (except by a retry).</summary>
    public static bool IsTerminal(string? state) =>
        state is "SUCCEEDED" or "FAILED" or "REJECTED" or "REVOKED" or "CRITICAL" or "RECOVERED";
}

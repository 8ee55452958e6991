using Switchyard.Core.Durable;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads Switchyard's <c>switchyard/durable</c> namespace wherever it is written: the engine at the service level, the
/// opt-in of an endpoint, a workflow or an async agent (an object, <c>{}</c> for the defaults), and a step's
/// <c>retry</c> and <c>compensate</c> on a backend. Ranges are checked by <c>DurableValidator</c>.
/// </summary>
internal static class DurableOptionsParser
{
    public const string Namespace = "switchyard/durable";

    /// <summary>The service-level engine settings, or null when the service has none.</summary>
    public static DurableEngineOptions? Engine(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (extraConfig.Open(Namespace, problems) is not { } reader)
        {
            return null;
        }

        var defaults = new DurableEngineOptions();
        var options = new DurableEngineOptions
        {
            Connection = reader.String("connection") ?? defaults.Connection,
            TaskHub = reader.String("task_hub") ?? defaults.TaskHub,
            Partitions = reader.Int("partitions") ?? defaults.Partitions,
            MaxConcurrentActivities = reader.Int("max_concurrent_activities") ?? defaults.MaxConcurrentActivities,
            MaxConcurrentOrchestrations = reader.Int("max_concurrent_orchestrations") ?? defaults.MaxConcurrentOrchestrations,
            QueuePolling = reader.Duration("queue_polling") ?? defaults.QueuePolling,
            StatusPolling = reader.Duration("status_polling") ?? defaults.StatusPolling,
            VisibilityTimeout = reader.Duration("visibility_timeout") ?? defaults.VisibilityTimeout,
            LeaseInterval = reader.Duration("lease_interval") ?? defaults.LeaseInterval,
            WorkerId = reader.String("worker_id") ?? defaults.WorkerId,
        };
        reader.ReportUnknownKeys();
        return options;
    }

    /// <summary>True when an endpoint, a workflow or an agent opts in; it takes no settings of its own yet.</summary>
    public static bool OptsIn(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (extraConfig.Open(Namespace, problems) is not { } reader)
        {
            return false;
        }

        reader.ReportUnknownKeys();
        return true;
    }

    /// <summary>A backend's step settings, or null when it has none.</summary>
    public static DurableStepOptions? Step(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (extraConfig.Open(Namespace, problems) is not { } reader)
        {
            return null;
        }

        var step = new DurableStepOptions
        {
            Retry = reader.Object("retry") is { } retry ? Retry(retry) : null,
            Compensate = reader.TryGet("compensate", out var compensate)
                ? BackendParser.Parse(compensate, reader.PathOf("compensate"), problems)
                : null,
        };
        reader.ReportUnknownKeys();
        return step;
    }

    private static DurableRetryOptions Retry(JsonObjectReader reader)
    {
        var defaults = new DurableRetryOptions();
        var retry = new DurableRetryOptions
        {
            MaxAttempts = reader.Int("max_attempts") ?? defaults.MaxAttempts,
            FirstDelay = reader.Duration("first_delay") ?? defaults.FirstDelay,
            BackoffCoefficient = reader.Number("backoff_coefficient") ?? defaults.BackoffCoefficient,
            MaxDelay = reader.Duration("max_delay") ?? defaults.MaxDelay,
            Statuses = reader.TryGet("statuses", out _) ? reader.Ints("statuses") : defaults.Statuses,
        };
        reader.ReportUnknownKeys();
        return retry;
    }
}

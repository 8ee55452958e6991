namespace Switchyard.Core.FanOut;

/// <summary>The JSON names of a subscription's fields, shared by the parser and the writer.</summary>
internal static class SubscriptionFields
{
    public const string Broker = "broker";
    public const string BrokerManagementUrl = "broker_management_url";
    public const string Backend = "backend";
    public const string Exchange = "exchange";
    public const string Queue = "queue";
    public const string RoutingKey = "routing_key";
    public const string OrgName = "org_name";
    public const string AppName = "app_name";
    public const string AppEnv = "app_env";
    public const string AppKey = "app_key";
    public const string ApiUrl = "api_url";
    public const string PrefetchCount = "prefetch_count";
    public const string ConcurrencyPoolSize = "concurrency_pool_size";
    public const string BatchMaxSizeInMb = "batch_max_size_in_mb";
    public const string BatchMaxNumberOfMessages = "batch_max_number_of_messages";
    public const string BatchMaxWindowInSeconds = "batch_max_window_in_seconds";
    public const string EventTtlSeconds = "event_ttl_seconds";
    public const string AcceptedStatuses = "accepted_statuses";
    public const string Transform = "transform";

    /// <summary>Every known field; anything else in a subscription is an error.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Broker, BrokerManagementUrl, Backend, Exchange, Queue, RoutingKey, OrgName, AppName, AppEnv, AppKey, ApiUrl,
        PrefetchCount, ConcurrencyPoolSize, BatchMaxSizeInMb, BatchMaxNumberOfMessages, BatchMaxWindowInSeconds,
        EventTtlSeconds, AcceptedStatuses, Transform,
    };
}

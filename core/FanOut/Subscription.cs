namespace Switchyard.Core.FanOut;

/// <summary>
/// One fan-out subscription: a broker whose Celery events are batched and posted to an events API, with the fields,
/// defaults and ranges of Leek's agent subscriptions (plus <see cref="EventTtlSeconds"/> and
/// <see cref="AcceptedStatuses"/>). Build it with <see cref="SubscriptionParser"/>, which enforces the ranges.
/// </summary>
public sealed record Subscription
{
    /// <summary>
    /// The broker's URL: <c>amqp[s]://user:password@host:port/vhost</c> or <c>redis[s]://[user]:password@host:port/database</c>.
    /// </summary>
    public required string Broker { get; init; }

    /// <summary>How the broker is reached, by the scheme of <see cref="Broker"/>.</summary>
    public BrokerTransport Transport => Broker.StartsWith("redis", StringComparison.OrdinalIgnoreCase) ? BrokerTransport.Redis : BrokerTransport.Amqp;

    /// <summary>The broker's management URL; kept for Leek compatibility, not used by the agent.</summary>
    public string? BrokerManagementUrl { get; init; }

    /// <summary>The Celery result backend; kept for Leek compatibility, not used by the agent.</summary>
    public string? Backend { get; init; }

    /// <summary>
    /// The exchange Celery publishes events to (on Redis, the middle of the channel names). <value>The default value is <c>celeryev</c>.</value>
    /// </summary>
    public string Exchange { get; init; } = SubscriptionDefaults.Exchange;

    /// <summary>
    /// The durable queue the subscription consumes; on Redis, which has no queue for publish/subscribe, only the name of
    /// the dead-letter list (<c>{queue}.dead</c>). <value>The default value is <c>leek.fanout</c>.</value>
    /// </summary>
    public string Queue { get; init; } = SubscriptionDefaults.Queue;

    /// <summary>The binding key. <value>The default value is <c>#</c> (every event).</value></summary>
    public string RoutingKey { get; init; } = SubscriptionDefaults.RoutingKey;

    /// <summary>The organisation sent in <c>x-leek-org-name</c>. <value>The default value is <c>mono</c>.</value></summary>
    public string OrgName { get; init; } = SubscriptionDefaults.OrgName;

    /// <summary>The application, lowercase letters only.</summary>
    public required string AppName { get; init; }

    /// <summary>The environment, lowercase letters only.</summary>
    public required string AppEnv { get; init; }

    /// <summary>The key sent in <c>x-leek-app-key</c>. <value>The default value is <c>secret</c>.</value></summary>
    public string AppKey { get; init; } = SubscriptionDefaults.AppKey;

    /// <summary>The events API; its path is kept as a prefix of <c>/v1/events/process</c>.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>
    /// The broker's prefetch (unacked messages in flight), 1000–10000; on Redis, which cannot hold messages back, the
    /// most events held in memory waiting for the events API. <value>The default value is 1000.</value>
    /// </summary>
    public int PrefetchCount { get; init; } = SubscriptionDefaults.PrefetchCount;

    /// <summary>Batches posted at once, 1–20. <value>The default value is 1.</value></summary>
    public int ConcurrencyPoolSize { get; init; } = SubscriptionDefaults.ConcurrencyPoolSize;

    /// <summary>A batch flushes once its payload reaches this many MiB, 1–10. <value>The default value is 1.</value></summary>
    public int BatchMaxSizeInMb { get; init; } = SubscriptionDefaults.BatchMaxSizeInMb;

    /// <summary>
    /// A batch flushes once it holds this many events, at most <see cref="PrefetchCount"/>.
    /// <value>The default value is <see cref="PrefetchCount"/> (set by the parser; code that changes the prefetch sets both).</value>
    /// </summary>
    public int BatchMaxNumberOfMessages { get; init; } = SubscriptionDefaults.PrefetchCount;

    /// <summary>A batch flushes this long after its first event even when nothing else arrives, 5–20. <value>The default value is 5.</value></summary>
    public int BatchMaxWindowInSeconds { get; init; } = SubscriptionDefaults.BatchMaxWindowInSeconds;

    /// <summary>Events older than this (by their <c>timestamp</c>) are dropped; null keeps every event. <value>The default value is null.</value></summary>
    public int? EventTtlSeconds { get; init; }

    /// <summary>The API answers that mean a batch was stored. <value>The default value is [201].</value></summary>
    public IReadOnlyList<int> AcceptedStatuses { get; init; } = SubscriptionDefaults.AcceptedStatuses;

    /// <summary>What is posted for each event. <value>The default value is <see cref="EventTransform.None"/>.</value></summary>
    public EventTransform Transform { get; init; }

    /// <summary><c>app_name-app_env</c>, unique among subscriptions.</summary>
    public string Name => AppName + "-" + AppEnv;

    /// <summary>The batch size limit in bytes.</summary>
    public long BatchMaxBytes => BatchMaxSizeInMb * 1024L * 1024L;

    /// <summary>Shows the subscription with the broker password and the app key masked: it ends up in logs.</summary>
    public override string ToString() =>
        $"Subscription {Name} {{ Broker = {BrokerUrl.Mask(Broker)}, Exchange = {Exchange}, Queue = {Queue}, RoutingKey = {RoutingKey}, " +
        $"OrgName = {OrgName}, AppKey = **, ApiUrl = {ApiUrl}, PrefetchCount = {PrefetchCount}, ConcurrencyPoolSize = {ConcurrencyPoolSize}, " +
        $"BatchMaxSizeInMb = {BatchMaxSizeInMb}, BatchMaxNumberOfMessages = {BatchMaxNumberOfMessages}, " +
        $"BatchMaxWindowInSeconds = {BatchMaxWindowInSeconds}, EventTtlSeconds = {EventTtlSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}

namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>
/// A published endpoint's <c>qos/ratelimit/router</c>: a limit for all clients together (<see cref="MaxRate"/>, 503
/// when exceeded) and one per client (<see cref="ClientMaxRate"/>, 429), the client's first.
/// </summary>
public sealed record RouterRateLimitOptions
{
    /// <summary>The number of shards KrakenD spreads client keys over.</summary>
    public const int DefaultShards = 2048;

    /// <summary>How many client keys an endpoint keeps a bucket for, at most (a Switchyard bound, not in the file).</summary>
    public const int DefaultMaxClients = 100_000;

    /// <summary>Requests of all clients together every <see cref="Every"/>; 0 for no such limit. <value>The default value is 0.</value></summary>
    public double MaxRate { get; init; }

    /// <summary>The global burst; 0 for KrakenD's default. <value>The default value is the per-second rate truncated, or 1 below one a second.</value></summary>
    public long Capacity { get; init; }

    /// <summary>Requests of one client every <see cref="Every"/>; 0 for no such limit. <value>The default value is 0.</value></summary>
    public double ClientMaxRate { get; init; }

    /// <summary>
    /// One client's burst; 0 for KrakenD's default. <value>The default value is 1 when the global per-second rate is
    /// below 1 (or unset), else the client's per-second rate truncated (at least 1).</value>
    /// </summary>
    public long ClientCapacity { get; init; }

    /// <summary>The window both rates are given for; at least 1s. <value>The default value is 1s.</value></summary>
    public TimeSpan Every { get; init; } = RateLimitDefaults.Every;

    /// <summary>The <c>strategy</c> as written (<c>ip</c>, <c>header</c>, <c>param</c>), or empty.</summary>
    public string Strategy { get; init; } = "";

    /// <summary>The header (<c>header</c>, optionally <c>ip</c>) or endpoint parameter (<c>param</c>) the key is read from.</summary>
    public string Key { get; init; } = "";

    /// <summary>Shards of the client buckets; 0 or 1 for a single one. <value>The default value is 2048.</value></summary>
    public int NumShards { get; init; } = DefaultShards;

    /// <summary>How often buckets that are full again are forgotten; at least 1s. <value>The default value is 1m.</value></summary>
    public TimeSpan CleanupPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many threads share a cleanup; at least 1. <value>The default value is 1.</value></summary>
    public int CleanupThreads { get; init; } = 1;

    /// <summary>How many client keys get a bucket of their own; the others share a bucket per shard. <value>The default value is 100 000.</value></summary>
    public int MaxClients { get; init; } = DefaultMaxClients;

    /// <summary>The strategy, or null when <see cref="Strategy"/> names none.</summary>
    public ClientKeyStrategy? ClientStrategy => Strategy.ToUpperInvariant() switch
    {
        "IP" => ClientKeyStrategy.Ip,
        "HEADER" => ClientKeyStrategy.Header,
        "PARAM" => ClientKeyStrategy.Param,
        "JWT" => ClientKeyStrategy.Jwt,
        _ => null,
    };

    /// <summary>The global bucket's capacity: <see cref="Capacity"/>, or KrakenD's default.</summary>
    public long Burst => Capacity > 0 ? Capacity : RateLimitDefaults.Capacity(MaxRate, Every);

    /// <summary>
    /// A client bucket's capacity: <see cref="ClientCapacity"/>, or KrakenD's default, which looks at the global rate (1
    /// when it is below one a second, so a client limit alone has a burst of 1).
    /// </summary>
    public long ClientBurst => ClientCapacity > 0
        ? ClientCapacity
        : RateLimitDefaults.PerSecond(MaxRate, Every) < 1 ? 1 : RateLimitDefaults.Capacity(ClientMaxRate, Every);
}

namespace Switchyard.Core.FanOut;

/// <summary>The defaults and ranges of a <see cref="Subscription"/> (Leek's, so its configurations load unchanged).</summary>
public static class SubscriptionDefaults
{
    public const string Exchange = "celeryev";
    public const string Queue = "leek.fanout";
    public const string RoutingKey = "#";

    /// <summary>Leek forces <c>mono</c> when its API runs without authentication, the common standalone case.</summary>
    public const string OrgName = "mono";

    public const string AppKey = "secret";
    public const int PrefetchCount = 1000;
    public const int MinPrefetchCount = 1000;
    public const int MaxPrefetchCount = 10000;
    public const int ConcurrencyPoolSize = 1;
    public const int MaxConcurrencyPoolSize = 20;
    public const int BatchMaxSizeInMb = 1;
    public const int MaxBatchMaxSizeInMb = 10;
    public const int BatchMaxWindowInSeconds = 5;
    public const int MinBatchMaxWindowInSeconds = 5;
    public const int MaxBatchMaxWindowInSeconds = 20;

    /// <summary>Leek's API answers 201 when it stored a batch; 200 means it did not.</summary>
    public static readonly IReadOnlyList<int> AcceptedStatuses = [201];
}

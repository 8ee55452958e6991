using Switchyard.Core.Resilience.RateLimit;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads a published endpoint's <c>qos/ratelimit/router</c> namespace.</summary>
internal static class RouterRateLimitOptionsParser
{
    public static RouterRateLimitOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.QosRateLimitRouter, problems);
        if (reader is null)
        {
            return null;
        }

        var defaults = new RouterRateLimitOptions();
        var options = new RouterRateLimitOptions
        {
            MaxRate = reader.Number("max_rate") ?? 0,
            Capacity = reader.Int("capacity") ?? 0,
            ClientMaxRate = reader.Number("client_max_rate") ?? 0,
            ClientCapacity = reader.Int("client_capacity") ?? 0,
            Every = reader.Duration("every") ?? defaults.Every,
            Strategy = reader.String("strategy") ?? "",
            Key = reader.String("key") ?? "",
            NumShards = reader.Int("num_shards") ?? defaults.NumShards,
            CleanupPeriod = reader.Duration("cleanup_period") ?? defaults.CleanupPeriod,
            CleanupThreads = reader.Int("cleanup_threads") ?? defaults.CleanupThreads,
        };

        if (reader.TryGet("cleanup_threshold", out _))
        {
            problems.Error(
                reader.PathOf("cleanup_threshold"),
                "'cleanup_threshold' is not a field of this namespace: client buckets are forgotten by 'cleanup_period' and bounded in number");
        }

        reader.ReportUnknownKeys();
        return options;
    }
}

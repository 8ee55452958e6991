using Switchyard.Core.Resilience.RateLimit;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads a backend's <c>qos/ratelimit/proxy</c> namespace.</summary>
internal static class ProxyRateLimitOptionsParser
{
    public static ProxyRateLimitOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.QosRateLimitProxy, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new ProxyRateLimitOptions
        {
            MaxRate = reader.Number("max_rate") ?? 0,
            Capacity = reader.Int("capacity") ?? 0,
            Every = reader.Duration("every") ?? RateLimitDefaults.Every,
        };
        reader.ReportUnknownKeys();
        return options;
    }
}

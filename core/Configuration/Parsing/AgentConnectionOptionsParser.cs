using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads an agent's <c>connection</c> object. Strategy names are lowercased, as KrakenD matches them; an unknown one
/// is legal (a constant 1 s) but most likely a typo, so it is a warning. A <c>health_interval</c> under 1 s is raised
/// to 1 s, as KrakenD does, with a warning.
/// </summary>
internal static class AgentConnectionOptionsParser
{
    private const string Key = "connection";
    private const string StrategyKey = "backoff_strategy";
    private const string HealthIntervalKey = "health_interval";

    private static readonly TimeSpan MinHealthInterval = TimeSpan.FromSeconds(1);

    // "fallback" is the name the documentation gives the constant delay, so writing it is not a typo.
    private static readonly HashSet<string> Strategies = new(StringComparer.Ordinal)
    {
        "linear", "linear-jitter", "exponential", "exponential-jitter", "fallback",
    };

    public static AgentConnectionOptions Parse(JsonObjectReader agent)
    {
        var reader = agent.Object(Key);
        if (reader is null)
        {
            return new AgentConnectionOptions();
        }

        var options = new AgentConnectionOptions
        {
            MaxRetries = reader.Int("max_retries") ?? 0,
            BackoffStrategy = ReadStrategy(reader) ?? new AgentConnectionOptions().BackoffStrategy,
            HealthInterval = ReadHealthInterval(reader),
        };

        reader.ReportUnknownKeys();
        return options;
    }

    private static string? ReadStrategy(JsonObjectReader reader)
    {
        var strategy = reader.String(StrategyKey);
        if (string.IsNullOrEmpty(strategy))
        {
            return null;
        }

        var name = strategy.ToLowerInvariant();
        if (!Strategies.Contains(name))
        {
            reader.Problems.Warning(
                reader.PathOf(StrategyKey),
                $"unknown backoff strategy '{strategy}' (a constant 1s is used; want linear, linear-jitter, exponential or exponential-jitter)");
        }

        return name;
    }

    private static TimeSpan ReadHealthInterval(JsonObjectReader reader)
    {
        var interval = reader.Duration(HealthIntervalKey);
        if (interval is not { } given || given >= MinHealthInterval)
        {
            return interval ?? MinHealthInterval;
        }

        reader.Problems.Warning(
            reader.PathOf(HealthIntervalKey),
            $"health_interval must be at least 1s, got {GoDurationFormat.Format(given)} (1s is used)");
        return MinHealthInterval;
    }
}

using Switchyard.Core.Resilience.CircuitBreaker;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads a backend's <c>qos/circuit-breaker</c> namespace. KrakenD reads a missing number as zero and a fraction cut
/// to whole seconds; here <c>interval</c>, <c>timeout</c> and <c>max_errors</c> are required whole numbers, so the
/// breaker trips where the file says.
/// </summary>
internal static class CircuitBreakerOptionsParser
{
    public static CircuitBreakerOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.QosCircuitBreaker, problems);
        if (reader is null)
        {
            return null;
        }

        var interval = Required(reader, "interval");
        var timeout = Required(reader, "timeout");
        var maxErrors = Required(reader, "max_errors");
        var name = reader.String("name") ?? "";
        var logStatusChange = reader.Bool("log_status_change");
        reader.ReportUnknownKeys();
        if (interval is null || timeout is null || maxErrors is null)
        {
            return null;
        }

        return new CircuitBreakerOptions
        {
            Interval = interval.Value,
            Timeout = timeout.Value,
            MaxErrors = maxErrors.Value,
            Name = name,
            LogStatusChange = logStatusChange,
        };
    }

    private static int? Required(JsonObjectReader reader, string key)
    {
        var value = reader.Int(key);
        if (value is null && !reader.TryGet(key, out _))
        {
            reader.Problems.Error(reader.PathOf(key), $"'{key}' is required");
        }

        return value;
    }
}

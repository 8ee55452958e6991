using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads an agent's <c>consumer</c> object. A timeout left out stays zero so the cascade gives it the service's, as
/// for endpoints. Fewer than one worker means one, as in KrakenD, with a warning when the file says so.
/// </summary>
internal static class AgentConsumerOptionsParser
{
    private const string Key = "consumer";
    private const string WorkersKey = "workers";

    public static AgentConsumerOptions Parse(JsonObjectReader agent, int defaultMaxDeliveries)
    {
        var reader = agent.Object(Key);
        if (reader is null)
        {
            return new AgentConsumerOptions { Timeout = TimeSpan.Zero, MaxDeliveries = defaultMaxDeliveries };
        }

        var options = new AgentConsumerOptions
        {
            Topic = reader.String("topic") ?? "",
            Workers = ReadWorkers(reader),
            Timeout = reader.Duration("timeout") ?? TimeSpan.Zero,
            MaxRate = reader.Number("max_rate") ?? 0,
            MaxDeliveries = reader.Int("max_deliveries") ?? defaultMaxDeliveries,
        };

        reader.ReportUnknownKeys();
        return options;
    }

    private static int ReadWorkers(JsonObjectReader reader)
    {
        var workers = reader.Int(WorkersKey);
        if (workers is not < 1)
        {
            return workers ?? 1;
        }

        reader.Problems.Warning(reader.PathOf(WorkersKey), $"workers must be at least 1, got {workers} (1 is used)");
        return 1;
    }
}

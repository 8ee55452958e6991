using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchyard.AgentBench.FanOut;

/// <summary>The results file of the fan-out bench: what was measured, on which machine, the medians of both brokers.</summary>
internal sealed class FanOutReport(int events, int rounds, string brokerVersions)
{
    private readonly List<double> _amqp = [];
    private readonly List<double> _redis = [];

    public void Add(double amqp, double redis)
    {
        _amqp.Add(amqp);
        _redis.Add(redis);
    }

    public string ToMarkdown(DateTimeOffset date)
    {
        var invariant = CultureInfo.InvariantCulture;
        return new StringBuilder()
            .AppendLine("# FanOutThroughput — fan-out subscriptions on RabbitMQ and on Redis")
            .AppendLine()
            .AppendLine("What it measures: events/s from a broker to a loopback events API (a minimal Kestrel app answering 201) through")
            .AppendLine("a `FanOutSubscriptionRunner`, batches of 1000 events (count flushes only), concurrency 1, no transform. For each")
            .AppendLine(invariant, $"measurement a fresh subscription connects, then {events} Celery-like `task-succeeded` events (about 250 bytes) are")
            .AppendLine("published as fast as the broker takes them, and the clock runs from the first publish to the API's acceptance of")
            .AppendLine("the last event: publisher, broker, agent and API together, on one machine.")
            .AppendLine()
            .AppendLine("- **AMQP**: published with confirms to the subscription's topic exchange; the agent consumes its durable queue")
            .AppendLine("  (prefetch 10000) and acks each batch once the API accepted it.")
            .AppendLine("- **Redis**: published on kombu's fanout channel `/0.{exchange}/task.succeeded` in kombu's envelope (body base64);")
            .AppendLine("  the agent PSUBSCRIBEs, opens the envelope, and holds up to 10000 events (prefetch_count) for the API.")
            .AppendLine()
            .AppendLine(invariant, $"After a warm-up of both, each round measures AMQP then Redis; the table shows the median of {rounds} rounds")
            .AppendLine("(min–max in brackets). The ratio is the figure to read.")
            .AppendLine()
            .AppendLine("Run: `dotnet run -c Release --project bench/Switchyard.AgentBench -- fanout`")
            .AppendLine(invariant, $"on {date:yyyy-MM-dd} ({date:HH:mm} UTC).")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(invariant, $"{RuntimeInformation.OSDescription}, {ThroughputReport.CpuModel()}, {Environment.ProcessorCount} logical cores")
            .AppendLine(invariant, $"{RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}, {brokerVersions}")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("| broker | events/s | / AMQP |")
            .AppendLine("|--------|---------:|-------:|")
            .AppendLine(invariant, $"| RabbitMQ (AMQP) | {ThroughputReport.Cell(_amqp)} | 1.00 |")
            .AppendLine(invariant, $"| Redis (publish/subscribe) | {ThroughputReport.Cell(_redis)} | {ThroughputReport.Median(_redis) / ThroughputReport.Median(_amqp):F2} |")
            .ToString();
    }
}

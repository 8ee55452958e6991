using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchyard.AgentBench;

/// <summary>The results file: what was measured, on which machine, and one row per worker count (medians of the rounds).</summary>
internal sealed class ThroughputReport(int messages, int rounds, string brokerVersion)
{
    private readonly SortedDictionary<int, (List<double> Agent, List<double> Plain)> _samples = [];

    /// <summary>One round's messages/s of both variants at <paramref name="workers"/>.</summary>
    public void Add(int workers, double agent, double plain)
    {
        if (!_samples.TryGetValue(workers, out var samples))
        {
            samples = ([], []);
            _samples[workers] = samples;
        }

        samples.Agent.Add(agent);
        samples.Plain.Add(plain);
    }

    public string ToMarkdown(DateTimeOffset date)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine("# AgentThroughput — Switchyard agent vs a plain RabbitMQ.Client consumer")
            .AppendLine()
            .AppendLine("What it measures: messages/s drained from a RabbitMQ queue into a loopback HTTP backend (a minimal Kestrel app")
            .AppendLine("answering `{}` to a POST), from the first message taken to the last one acknowledged, the queue being filled")
            .AppendLine(invariant, $"beforehand with {messages} small JSON messages (confirmed) for each measurement.")
            .AppendLine()
            .AppendLine("- **Switchyard agent**: the configuration loaded from JSON, `AgentRunner` over `AmqpMessageSource`, and the pipe")
            .AppendLine("  `ProxyFactory` builds for the agent's backend (`POST`, `X-Message-*` headers, JSON decoding), prefetch = workers.")
            .AppendLine("- **Plain**: `RabbitMQ.Client` with the same prefetch and dispatch concurrency, `HttpClient.PostAsync` of the body,")
            .AppendLine("  the answer read, manual ack after a 2xx.")
            .AppendLine()
            .AppendLine("Broker, backend and consumer share the machine. After a warm-up of both, each round measures every worker count")
            .AppendLine(invariant, $"with the two variants back to back; the table shows the median of {rounds} rounds (min–max in brackets).")
            .AppendLine("Ratios are the figure to read.")
            .AppendLine()
            .AppendLine("Run: `dotnet run -c Release --project bench/Switchyard.AgentBench`")
            .AppendLine(invariant, $"on {date:yyyy-MM-dd} ({date:HH:mm} UTC).")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(invariant, $"{RuntimeInformation.OSDescription}, {CpuModel()}, {Environment.ProcessorCount} logical cores")
            .AppendLine(invariant, $"{RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}, RabbitMQ {brokerVersion}")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("| workers | Switchyard agent (msg/s) | plain RabbitMQ.Client + HttpClient (msg/s) | agent / plain |")
            .AppendLine("|--------:|-------------------------:|-------------------------------------------:|--------------:|");
        foreach (var (workers, (agent, plain)) in _samples)
        {
            text.AppendLine(invariant, $"| {workers} | {Cell(agent)} | {Cell(plain)} | {Median(agent) / Median(plain):F2} |");
        }

        return text.ToString();
    }

    internal static string Cell(List<double> samples) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(samples):F0} ({samples.Min():F0}–{samples.Max():F0})");

    internal static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    internal static string CpuModel()
    {
        const string Key = "model name";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}

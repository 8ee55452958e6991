using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Switchyard.AgentBench;

/// <summary>The command line of the benchmark, and where it runs.</summary>
internal sealed record BenchOptions
{
    /// <summary>Messages drained per measurement. <value>The default value is 20 000.</value></summary>
    public int Messages { get; init; } = 20_000;

    /// <summary>The worker counts measured. <value>The default value is 1, 8 and 32.</value></summary>
    public IReadOnlyList<int> Workers { get; init; } = [1, 8, 32];

    /// <summary>Measurements of each variant and worker count; the table shows their median. <value>The default value is 3.</value></summary>
    public int Rounds { get; init; } = 3;

    /// <summary>The results file. <value>The default value is null: <c>bench/results/AgentThroughput.md</c>.</value></summary>
    public string? Output { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--messages" => options with { Messages = int.Parse(value, CultureInfo.InvariantCulture) },
                "--workers" => options with { Workers = [.. value.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))] },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--output" => options with { Output = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --messages N, --workers 1,8,32, --rounds N, --output FILE."),
            };
            i++;
        }

        return options;
    }

    /// <summary>The version the broker announces when a connection opens.</summary>
    public static string BrokerVersion(IConnection connection) =>
        connection.ServerProperties?.TryGetValue("version", out var version) == true && version is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : "unknown";
}

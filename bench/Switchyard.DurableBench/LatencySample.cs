using System.Globalization;

namespace Switchyard.DurableBench;

/// <summary>Latencies of one kind of run, in milliseconds, and their percentiles (nearest rank).</summary>
internal sealed class LatencySample(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name => name;

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Row(double flowsPerSecond) => string.Create(
        CultureInfo.InvariantCulture, $"| {name} | {Percentile(50):F1} | {Percentile(95):F1} | {flowsPerSecond:F0} |");
}

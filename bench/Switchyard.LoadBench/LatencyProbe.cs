namespace Switchyard.LoadBench;

/// <summary>
/// The latency a proxy adds to one request where nothing queues: one connection, one request at a time, every
/// request's own time. At 50 connections the cores are saturated and a median is mostly waiting, so it only restates
/// the throughput ratio; the p50 added-latency target reads these rows.
/// </summary>
internal static class LatencyProbe
{
    public static readonly IReadOnlyList<string> Rows = [Scenarios.DirectA, Scenarios.Nginx, Scenarios.Haproxy, Scenarios.PassNoOp, Scenarios.PassJson];

    public static async Task<List<Measurement>> RunAsync(BenchOptions options, IReadOnlyList<Subject> subjects, CancellationToken cancellationToken)
    {
        var runs = new List<Measurement>();
        foreach (var subject in subjects.Where(subject => Rows.Contains(subject.Key)))
        {
            var meter = ProcessMeter.Start(subject.Process.Id);
            var wrk = await WrkRun.RunAsync(subject.Url, 1, options.LatencyDuration, LatencyKind.PerRequest, cancellationToken);
            runs.Add(new Measurement(subject, 1, wrk, meter.Stop(wrk.Requests), Problem: null));
            Console.WriteLine($"  1 conn  {subject.Scenario,-28} {subject.Server,-26} p50 {wrk.LatencyMs(50) * 1000,6:F0} µs  p99 {wrk.LatencyMs(99) * 1000,6:F0} µs  errors {wrk.Errors}");
        }

        return runs;
    }
}

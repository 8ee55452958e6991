using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// The scenario matrix: every row at every connection count, each recorded run preceded by an unrecorded warm-up run
/// and measured on its server's process (CPU time, peak resident set).
/// </summary>
internal static class LoadMatrix
{
    /// <param name="compiled">The .NET servers, warmed up on all their rows at once before anything is recorded.</param>
    public static async Task<List<Measurement>> RunAsync(
        BenchOptions options, IReadOnlyList<Subject> subjects, IReadOnlyList<ChildProcess> compiled, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string?>();
        foreach (var subject in subjects)
        {
            problems[subject.Key] = await AnswerCheck.ProblemAsync(subject.Url, subject.Expect, subject.ExpectCompleted, cancellationToken);
            if (problems[subject.Key] is { } problem)
            {
                Console.WriteLine($"WRONG ANSWER {subject.Scenario} / {subject.Server}: {problem}");
            }
        }

        foreach (var server in compiled)
        {
            var rows = subjects.Where(subject => subject.Process == server).ToList();
            var origin = new Uri(rows[0].Url.GetLeftPart(UriPartial.Authority));
            await WrkRun.WarmUpAsync(origin, [.. rows.Select(row => row.Url.PathAndQuery)], BenchOptions.TargetConnections, options.JitWarmup, cancellationToken);
        }

        var measurements = new List<Measurement>();
        foreach (var connections in options.Connections)
        {
            foreach (var subject in subjects)
            {
                await WrkRun.RunAsync(subject.Url, connections, options.Warmup, LatencyKind.WrkCorrected, cancellationToken);
                var meter = ProcessMeter.Start(subject.Process.Id);
                var wrk = await WrkRun.RunAsync(subject.Url, connections, options.Duration, LatencyKind.WrkCorrected, cancellationToken);
                var measurement = new Measurement(subject, connections, wrk, meter.Stop(wrk.Requests), problems[subject.Key]);
                measurements.Add(measurement);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{connections,3} conn  {subject.Scenario,-28} {subject.Server,-26} {wrk.RequestsPerSecond,9:F0} rps  p50 {wrk.LatencyMs(50),7:F3} ms  p99 {wrk.LatencyMs(99),7:F3} ms  errors {wrk.Errors}"));
            }
        }

        return measurements;
    }
}

using System.Globalization;
using Switchyard.ColdStartBench;

// Cold start of the packaged function app: process start to readiness (the host's probe answered) and to the first 200
// from /__health, and the idle RSS after, Native AOT vs ReadyToRun, both published and measured in the same run.
//   dotnet run -c Release --project bench/Switchyard.ColdStartBench -- [--runs 10] [--output FILE]
// With --startup-order it writes the Native AOT publish's method order instead (StartupOrder; needs root).
var options = ColdStartOptions.Parse(args);
var root = ColdStartOptions.RepositoryRoot();
var output = options.Output ?? Path.Combine(root, "bench", "results", "ColdStart.md");
var work = Directory.CreateTempSubdirectory("switchyard-coldstart-").FullName;
try
{
    if (options.WriteStartupOrder)
    {
        await StartupOrder.WriteAsync(root, work);
        return;
    }

    var config = Path.Combine(root, "examples", "krakend.json");
    Console.WriteLine("Publishing the Native AOT and the ReadyToRun variants...");
    PublishedApp[] apps =
    [
        await PublishedApp.PublishAsync(root, "Native AOT", nativeAot: true, config, Path.Combine(work, "aot")),
        await PublishedApp.PublishAsync(root, "ReadyToRun", nativeAot: false, config, Path.Combine(work, "r2r")),
    ];

    var loadBefore = ColdStartReport.CurrentLoad();

    // Unmeasured: the first start reads every file from disk.
    foreach (var app in apps)
    {
        await ColdStartProbe.MeasureAsync(app);
    }

    var samples = apps.Select(_ => new List<ColdStart>()).ToArray();
    for (var run = 1; run <= options.Runs; run++)
    {
        for (var i = 0; i < apps.Length; i++)
        {
            // Alternating, and in the other order every second run, so a slower phase of a shared machine hits both alike.
            var index = run % 2 == 1 ? i : apps.Length - 1 - i;
            var start = await ColdStartProbe.MeasureAsync(apps[index]);
            samples[index].Add(start);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}, {apps[index].Name}: ready {start.Ready.TotalMilliseconds:F0} ms, first 200 {start.Elapsed.TotalMilliseconds:F0} ms, "
                + $"CPU {start.Cpu.TotalMilliseconds:F0} ms, idle RSS {start.IdleRss / 1048576.0:F1} MiB"));
        }
    }

    var report = new ColdStartReport(options.Runs, loadBefore);
    for (var i = 0; i < apps.Length; i++)
    {
        report.Add(apps[i], samples[i]);
    }

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    await File.WriteAllTextAsync(output, report.ToMarkdown(TimeProvider.System.GetUtcNow()));
    Console.WriteLine($"Results written to {output}");
}
finally
{
    Directory.Delete(work, recursive: true);
}

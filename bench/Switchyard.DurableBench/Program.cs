using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.DurableBench;
using Switchyard.Testing;

// Durable against in-memory pipes, in one run on a private Azurite: a 3-step sequential workflow and a 3-level workflow
// (sequential, then a fan-out with a race, then sequential), p50/p95 latency one flow at a time and flows/s with 16 at
// once. The client is in the gateway's process, as a durable endpoint's is.
//   dotnet run -c Release --project bench/Switchyard.DurableBench -- [--flows 100] [--seconds 15] [--queue-polling 100ms]
//     [--status-polling 10ms] [--output FILE]
var flows = Option("--flows", 100);
var queuePolling = args.SkipWhile(a => a != "--queue-polling").Skip(1).FirstOrDefault() ?? "100ms";
var statusPolling = args.SkipWhile(a => a != "--status-polling").Skip(1).FirstOrDefault() ?? "10ms";
var seconds = Option("--seconds", 15);
var output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault()
    ?? Path.Combine(RepositoryRoot.Path, "bench", "results", "DurableBench.md");
const int Concurrency = 16;

Console.WriteLine("Starting a private Azurite...");
await using var azurite = await AzuriteServer.StartAsync();
await using var backend = await LoopbackServer.StartAsync(context =>
{
    context.Response.ContentType = "application/json";
    return context.Response.WriteAsync($$"""{"{{context.Request.Path.Value!.Trim('/').Replace('/', '_')}}":1}""");
});
var host = backend.BaseAddress.GetLeftPart(UriPartial.Authority);
var config = ConfigLoader.Parse($$$"""
    {"version": 3, "host": ["{{{host}}}"], "timeout": "5s",
     "extra_config": {"switchyard/durable": {"connection": "{{{azurite.ConnectionString}}}", "task_hub": "bench", "partitions": 4,
       "queue_polling": "{{{queuePolling}}}", "status_polling": "{{{statusPolling}}}"}},
     "endpoints": [
      {"endpoint": "/three-steps", "extra_config": {"switchyard/durable": {}, "proxy": {"sequential": true} },
       "backend": [{"url_pattern": "/a", "group": "a"}, {"url_pattern": "/b", "group": "b"}, {"url_pattern": "/c", "group": "c"}]},
      {"endpoint": "/three-levels", "extra_config": {"switchyard/durable": {}, "proxy": {"sequential": true} },
       "backend": [
        {"url_pattern": "/user", "group": "user"},
        {"url_pattern": "/__workflow/l2", "group": "level2", "extra_config": {"workflow": {
          "endpoint": "/l2", "concurrent_calls": 2,
          "backend": [
            {"url_pattern": "/orders", "group": "orders"},
            {"url_pattern": "/__workflow/l3", "group": "level3", "extra_config": {"workflow": {
              "endpoint": "/l3", "extra_config": {"proxy": {"sequential": true} },
              "backend": [{"url_pattern": "/account"}, {"url_pattern": "/ledger"}]} } }]} } }]}]}
    """).Config ?? throw new InvalidOperationException("the benchmark's configuration is invalid");

var proxies = new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default);
await using var engine = DurableEngine.OnAzureStorage(config.Durable!, new DurablePipes(config), proxies, NullLoggerFactory.Instance);
await engine.StartAsync();

var report = new StringBuilder();
foreach (var endpoint in config.Endpoints)
{
    var memoryPipe = proxies.CreateEndpoint(endpoint);
    var request = new ProxyRequest { Method = "GET", Path = endpoint.Endpoint };
    var next = 0;

    async Task<TimeSpan> DurableAsync()
    {
        var id = $"{endpoint.Endpoint.Trim('/')}-{Interlocked.Increment(ref next)}";
        var clock = Stopwatch.StartNew();
        await engine.StartFlowAsync(endpoint.JsonPath, MergeFailurePolicy.Partial, request, id);
        var state = await engine.WaitAsync(id, TimeSpan.FromSeconds(30), CancellationToken.None);
        if (state?.Response is not { IsComplete: true })
        {
            throw new InvalidOperationException($"flow {id} did not complete: {state?.RuntimeStatus} {state?.Record}");
        }

        return clock.Elapsed;
    }

    async Task<TimeSpan> InMemoryAsync()
    {
        var clock = Stopwatch.StartNew();
        var response = await memoryPipe(request, CancellationToken.None);
        return response.IsComplete ? clock.Elapsed : throw new InvalidOperationException($"{endpoint.Endpoint} did not complete in memory");
    }

    foreach (var (name, run, count) in new (string, Func<Task<TimeSpan>>, int)[] { ("durable", DurableAsync, flows), ("in memory", InMemoryAsync, flows * 10) })
    {
        for (var i = 0; i < 10; i++)
        {
            await run(); // warm-up: JIT, connections, the task hub's queues
        }

        var sample = new LatencySample($"{endpoint.Endpoint}, {name}");
        for (var i = 0; i < count; i++)
        {
            sample.Add(await run());
        }

        var throughput = await FlowsPerSecondAsync(run, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(sample.Row(throughput));
        report.AppendLine(sample.Row(throughput));
    }
}

var markdown = new StringBuilder()
    .AppendLine("# DurableBench — durable against in-memory pipes")
    .AppendLine()
    .AppendLine("What it measures: the same two pipes run as durable flows (the Durable Task Framework on Azure Storage, a private")
    .AppendLine("Azurite 3.37 on loopback; client and worker in one process, the engine's defaults of Switchyard: queue polling 100 ms,")
    .AppendLine("status polling 10 ms, 4 partitions) and in memory (the pipe `ProxyFactory` builds), calling the same loopback backend.")
    .AppendLine("`/three-steps` is a sequential workflow of three backends; `/three-levels` is a sequential chain whose second step")
    .AppendLine("opens a workflow fanning out to a race of two calls and a nested sequential workflow of two steps. Latency: one flow")
    .AppendLine(CultureInfo.InvariantCulture, $"at a time after 10 warm-up flows ({flows} durable, {flows * 10} in memory), from the start to its answer read back;")
    .AppendLine(CultureInfo.InvariantCulture, $"throughput: {Concurrency} flows at a time for {seconds} s.")
    .AppendLine()
    .AppendLine("| pipe, run | p50 ms | p95 ms | flows/s |")
    .AppendLine("| --- | --: | --: | --: |")
    .Append(report)
    .AppendLine()
    .AppendLine("Target (issue 12): durable 3-step p50 ≤ 100 ms with the client in the same process.")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Run: `dotnet run -c Release --project bench/Switchyard.DurableBench` on {DateTime.UtcNow:yyyy-MM-dd},")
    .AppendLine(CultureInfo.InvariantCulture, $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; Azurite, backend and")
    .AppendLine("benchmark share the machine.")
    .ToString();
Console.WriteLine();
Console.WriteLine(markdown);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine($"Written to {output}");

static async Task<double> FlowsPerSecondAsync(Func<Task<TimeSpan>> run, TimeSpan duration)
{
    var done = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
    {
        while (clock.Elapsed < duration)
        {
            await run();
            Interlocked.Increment(ref done);
        }
    }));
    return done / clock.Elapsed.TotalSeconds;
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

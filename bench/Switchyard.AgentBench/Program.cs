using System.Globalization;
using RabbitMQ.Client;
using Switchyard.AgentBench;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;
using Microsoft.AspNetCore.Http;

// Agent throughput: messages/s from a RabbitMQ queue to a loopback HTTP backend, through a Switchyard agent and through
// a plain RabbitMQ.Client consumer, in the same run.
//   dotnet run -c Release --project bench/Switchyard.AgentBench -- [--messages 20000] [--workers 1,8,32] [--rounds 3] [--output FILE]
// Fan-out throughput: events/s from RabbitMQ and from Redis to a loopback events API through fan-out subscriptions.
//   dotnet run -c Release --project bench/Switchyard.AgentBench -- fanout [--messages 20000] [--rounds 3] [--output FILE]
var root = RepositoryRoot.Path;
if (args is ["fanout", .. var fanOutArgs])
{
    var fanOut = BenchOptions.Parse(fanOutArgs);
    await Switchyard.AgentBench.FanOut.FanOutBench.RunAsync(
        fanOut.Messages, fanOut.Rounds, fanOut.Output ?? Path.Combine(root, "bench", "results", "FanOutThroughput.md"));
    return;
}

var options = BenchOptions.Parse(args);
var output = options.Output ?? Path.Combine(root, "bench", "results", "AgentThroughput.md");

Console.WriteLine("Starting a private RabbitMQ node...");
var broker = new RabbitMqServer();
await broker.InitializeAsync();
await using var stopBroker = new AsyncDisposal(broker.DisposeAsync);
await using var server = await LoopbackServer.StartAsync(context =>
{
    context.Response.ContentType = "application/json";
    return context.Response.WriteAsync("{}");
});
var backendAddress = new Uri(server.BaseAddress.GetLeftPart(UriPartial.Authority));
await using var connection = await new ConnectionFactory { Uri = broker.AmqpUri }.CreateConnectionAsync();
using var http = new HttpClient();
var factory = new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default, TimeProvider.System);
IQueueDrain[] drains = [new AgentDrain(factory, broker.AmqpUri, backendAddress), new PlainClientDrain(http, broker.AmqpUri, backendAddress)];

var runs = 0;
async Task<double> MeasureAsync(IQueueDrain drain, int workers, int messages)
{
    var (exchange, queue) = ($"bench-x-{runs}", $"bench-q-{runs}");
    runs++;
    await PrefilledQueue.FillAsync(connection, exchange, queue, messages);
    var elapsed = await drain.DrainAsync(exchange, queue, workers, messages);
    await PrefilledQueue.DeleteAsync(connection, exchange, queue);
    return messages / elapsed.TotalSeconds;
}

// Warm-up: JIT, connection pools and the broker's first queues, not measured.
foreach (var drain in drains)
{
    await MeasureAsync(drain, workers: 8, messages: Math.Min(2000, options.Messages));
}

var report = new ThroughputReport(options.Messages, options.Rounds, BenchOptions.BrokerVersion(connection));
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var workers in options.Workers)
    {
        // Agent and baseline alternate, so a slower phase of a shared machine hits both alike.
        var agent = await MeasureAsync(drains[0], workers, options.Messages);
        var plain = await MeasureAsync(drains[1], workers, options.Messages);
        report.Add(workers, agent, plain);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}, workers {workers}: agent {agent:F0} msg/s, plain {plain:F0} msg/s"));
    }
}

await ResultsFile.WriteAsync(report.ToMarkdown(TimeProvider.System.GetUtcNow()), output);

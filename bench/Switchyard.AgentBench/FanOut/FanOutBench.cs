using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using RabbitMQ.Client;
using StackExchange.Redis;
using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.AgentBench.FanOut;

/// <summary>
/// Fan-out throughput: events/s from a broker to a loopback events API through a fan-out subscription, on RabbitMQ and
/// on Redis in the same run, alternating, each measurement on a fresh exchange: the subscription connects, then N events
/// are published as fast as the broker takes them, and the clock stops when the API accepted the last one.
/// </summary>
internal static class FanOutBench
{
    /// <summary>Events per API post: Leek's default batch (the prefetch, 1000).</summary>
    private const int BatchSize = 1000;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(int events, int rounds, string output)
    {
        if (events % BatchSize != 0)
        {
            throw new ArgumentException($"--events must be a multiple of {BatchSize}: a partial last batch would wait for its window.");
        }

        Console.WriteLine("Starting a private RabbitMQ node and a private Redis server...");
        var rabbit = new RabbitMqServer();
        await rabbit.InitializeAsync();
        await using var stopRabbit = new AsyncDisposal(rabbit.DisposeAsync);
        var redis = new RedisServer();
        await redis.InitializeAsync();
        await using var stopRedis = new AsyncDisposal(redis.DisposeAsync);
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{}");
        });
        await using var amqp = await new ConnectionFactory { Uri = rabbit.AmqpUri }.CreateConnectionAsync();
        await using var redisClient = await ConnectionMultiplexer.ConnectAsync(redis.ClientConfiguration);
        using var http = new HttpClient();
        var client = new EventApiClient(http);
        var apiUrl = new Uri(api.BaseAddress, "api");

        var runs = 0;
        async Task<double> MeasureAsync(BrokerTransport transport, int count)
        {
            var id = runs++;
            var subscription = new Subscription
            {
                Broker = transport == BrokerTransport.Redis ? redis.Url() : rabbit.AmqpUri.ToString(),
                Exchange = $"bench.fanout{id}",
                Queue = $"bench.fanout{id}",
                AppName = "bench",
                AppEnv = new string((char)('a' + (id % 26)), 3),
                ApiUrl = apiUrl,

                // The most a Redis subscription holds for the API: a burst faster than the API is kept, not dead-lettered.
                PrefetchCount = SubscriptionDefaults.MaxPrefetchCount,
                BatchMaxNumberOfMessages = BatchSize,
            };
            await using var runner = new FanOutSubscriptionRunner(subscription, client);
            await runner.StartAsync();
            await UntilAsync(() => runner.Status().Connected, "the subscription connected");

            var clock = Stopwatch.StartNew();
            var publish = transport == BrokerTransport.Redis
                ? FanOutPublisher.PublishRedisAsync(redisClient, subscription.Exchange, count)
                : FanOutPublisher.PublishAmqpAsync(amqp, subscription.Exchange, count);
            await publish;
            await UntilAsync(() => runner.Status().Delivered + runner.Status().DeadLettered >= count, $"{count} events handled");
            var elapsed = clock.Elapsed;
            if (runner.Status() is { DeadLettered: > 0 } status)
            {
                throw new InvalidOperationException($"{status.DeadLettered} events were dead-lettered ({status.LastDeadLetterReason}): the figure would not be comparable.");
            }

            await runner.StopAsync();
            if (transport == BrokerTransport.Amqp)
            {
                await using var channel = await amqp.CreateChannelAsync();
                await channel.QueueDeleteAsync(subscription.Queue);
                await channel.ExchangeDeleteAsync(subscription.Exchange);
            }

            return count / elapsed.TotalSeconds;
        }

        // Warm-up: JIT, connection pools, the brokers' first exchanges; not measured.
        await MeasureAsync(BrokerTransport.Amqp, BatchSize * 2);
        await MeasureAsync(BrokerTransport.Redis, BatchSize * 2);

        var report = new FanOutReport(events, rounds, BrokerVersions(amqp, redisClient));
        for (var round = 1; round <= rounds; round++)
        {
            // Alternating, so a slower phase of a shared machine hits both alike.
            var onAmqp = await MeasureAsync(BrokerTransport.Amqp, events);
            var onRedis = await MeasureAsync(BrokerTransport.Redis, events);
            report.Add(onAmqp, onRedis);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: AMQP {onAmqp:F0} events/s, Redis {onRedis:F0} events/s"));
        }

        await ResultsFile.WriteAsync(report.ToMarkdown(TimeProvider.System.GetUtcNow()), output);
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Deadline)
            {
                throw new TimeoutException($"Not within {Deadline.TotalSeconds} s: {what}.");
            }

            await Task.Delay(5);
        }
    }

    private static string BrokerVersions(IConnection amqp, ConnectionMultiplexer redis) =>
        $"RabbitMQ {BenchOptions.BrokerVersion(amqp)}, Redis {redis.GetServers()[0].Version}";
}

using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>
/// A real Celery worker (Debian's <c>celery</c> 5.2.6 with <c>python3-redis</c>, events on) on a private Redis server
/// runs tasks that succeed, fail and retry; a fan-out agent subscribed to the same broker posts what it emits to a
/// loopback events API, counted against an independent subscriber on the same channels.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class CeleryRedisTrafficTests(RedisServer redis) : IDisposable
{
    private const string EventExchange = "celeryev";
    private const int TasksOfEachKind = 3;

    private static int _nextDatabase = 4;

    private readonly HttpClient _http = new();

    // A database of its own per test: Celery's task queue (a list) and the event channels carry its number.
    private readonly int _database = Interlocked.Increment(ref _nextDatabase);

    [Fact]
    public async Task Every_event_a_celery_worker_publishes_while_connected_reaches_the_api_exactly_once()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var (sent, emitted) = await CeleryTraffic.RunAsync(
            async () => await RedisCeleryEventCapture.StartAsync(redis, _database, EventExchange),
            CelerySubscription(api.Host, EventTransform.None),
            _http,
            redis.Url(_database),
            TasksOfEachKind,
            runner => runner.Status().ReconnectGaps.Should().Be(0, "the subscription stayed connected, so nothing could be lost"));

        CeleryTraffic.ShouldHaveEveryEventOnce(api, sent, emitted);
    }

    [Fact]
    public async Task Real_celery_events_from_redis_pass_the_celery_transform_and_each_task_ends_in_its_final_state()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var (sent, _) = await CeleryTraffic.RunAsync(
            async () => await RedisCeleryEventCapture.StartAsync(redis, _database, EventExchange),
            CelerySubscription(api.Host, EventTransform.Celery),
            _http,
            redis.Url(_database),
            1);

        CeleryTraffic.ShouldEndInFinalStates(api, sent);
    }

    public void Dispose() => _http.Dispose();

    private Subscription CelerySubscription(string apiHost, EventTransform transform) => new()
    {
        Broker = redis.Url(_database),
        Exchange = EventExchange,
        RoutingKey = "#",
        BatchMaxWindowInSeconds = 1,
        ApiUrl = new Uri(apiHost),
        AppName = "celery",
        AppEnv = "redis",
        Transform = transform,
    };
}

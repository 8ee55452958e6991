using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>
/// A real Celery worker (Debian's <c>celery</c>, events on) runs tasks that succeed, fail and retry on the private
/// broker; a fan-out agent on <c>celeryev</c> posts what it emits to a loopback events API.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class CeleryTrafficTests(RabbitMqServer broker) : IAsyncLifetime
{
    private const string EventExchange = "celeryev";
    private const int TasksOfEachKind = 3;

    private readonly HttpClient _http = new();
    private readonly string _queue = $"fanout.celery.{Guid.NewGuid():N}";

    [Fact]
    public async Task Every_event_a_celery_worker_emits_reaches_the_api_exactly_once()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var (sent, emitted) = await CeleryTraffic.RunAsync(
            async () => await CeleryEventCapture.StartAsync(broker.AmqpUri, EventExchange),
            CelerySubscription(api.Host, EventTransform.None),
            _http,
            CeleryApp.BrokerUrl(broker.Port),
            TasksOfEachKind);

        CeleryTraffic.ShouldHaveEveryEventOnce(api, sent, emitted);
    }

    [Fact]
    public async Task Real_celery_events_pass_the_celery_transform_and_each_task_ends_in_its_final_state()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var (sent, _) = await CeleryTraffic.RunAsync(
            async () => await CeleryEventCapture.StartAsync(broker.AmqpUri, EventExchange),
            CelerySubscription(api.Host, EventTransform.Celery),
            _http,
            CeleryApp.BrokerUrl(broker.Port),
            1);

        CeleryTraffic.ShouldEndInFinalStates(api, sent);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();

        // The node is shared by the collection: leave neither the agent's durable queue nor Celery's task queue behind,
        // whether the test passed or not.
        await using var client = await BrokerClient.ConnectAsync(broker);
        await client.OnNewChannelAsync(channel => channel.QueueDeleteAsync(_queue, ifUnused: false, ifEmpty: false));
        await client.OnNewChannelAsync(channel => channel.QueueDeleteAsync("celery", ifUnused: false, ifEmpty: false));
    }

    /// <summary>Celery's own exchange with every routing key, on a queue of this test, and a short window so the tail flushes soon.</summary>
    private Subscription CelerySubscription(string apiHost, EventTransform transform) => new()
    {
        Broker = broker.AmqpUri.ToString(),
        Exchange = EventExchange,
        Queue = _queue,
        RoutingKey = "#",
        BatchMaxWindowInSeconds = 1,
        ApiUrl = new Uri(apiHost),
        AppName = "celery",
        AppEnv = "it",
        Transform = transform,
    };
}

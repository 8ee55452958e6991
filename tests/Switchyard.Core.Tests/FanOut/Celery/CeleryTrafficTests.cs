using System.Text.Json;
using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

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
        var subscription = CelerySubscription(api.Host, EventTransform.None);
        var brokerUrl = CeleryApp.BrokerUrl(broker.Port);
        IReadOnlyList<(string Name, string Id)> sent;
        List<CeleryEvent> emitted;
        await using (var capture = await CeleryEventCapture.StartAsync(broker.AmqpUri, EventExchange))
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            await using (var worker = await CeleryApp.StartWorkerAsync(brokerUrl))
            {
                sent = await CeleryApp.SendAsync(brokerUrl, TasksOfEachKind);
                await WaitUntilEveryTaskFinishedAsync(capture, sent, worker);
            }

            // Both counts only grow and the agent lags the capture by its batch window, so once they meet after the
            // worker stopped, both hold everything.
            await Eventually.HoldsAsync(
                () => runner.Status().Delivered == capture.Events.Count, TimeSpan.FromSeconds(15), "the agent delivered every emitted event");
            emitted = [.. capture.Events];
            runner.Status().DeadLettered.Should().Be(0);
        }

        var posted = api.Received.SelectMany(request => CeleryEvent.Parse(System.Text.Encoding.UTF8.GetBytes(request.Body))).ToList();
        api.Received.Select(request => request.Target).Should().AllBe("/v1/events/process");
        posted.Should().BeEquivalentTo(emitted, "the API gets the same multiset of (type, task) Celery emitted, none lost, none twice");

        emitted.Select(item => item.Type).Distinct().Should().Contain(
            ["task-sent", "task-received", "task-started", "task-succeeded", "task-failed", "task-retried"]);
        foreach (var (_, id) in sent.Where(task => task.Name == "flaky"))
        {
            emitted.Count(item => item == new CeleryEvent("task-retried", id)).Should().Be(2, "flaky {0} retries twice, then succeeds", id);
        }
    }

    [Fact]
    public async Task Real_celery_events_pass_the_celery_transform_and_each_task_ends_in_its_final_state()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var subscription = CelerySubscription(api.Host, EventTransform.Celery);
        var brokerUrl = CeleryApp.BrokerUrl(broker.Port);
        IReadOnlyList<(string Name, string Id)> sent;
        await using (var capture = await CeleryEventCapture.StartAsync(broker.AmqpUri, EventExchange))
        await using (var runner = await FanOutHarness.StartAsync(subscription, _http))
        {
            await using (var worker = await CeleryApp.StartWorkerAsync(brokerUrl))
            {
                sent = await CeleryApp.SendAsync(brokerUrl, 1);
                await WaitUntilEveryTaskFinishedAsync(capture, sent, worker);
            }

            await Eventually.HoldsAsync(
                () => runner.Status().Delivered + runner.Status().DeadLettered == capture.Events.Count,
                TimeSpan.FromSeconds(15),
                "the agent handled every emitted event");
            runner.Status().DeadLettered.Should().Be(0, "real Celery events satisfy the event schema");
        }

        // One batch at a time (concurrency 1), so the last document posted for a task is its latest state.
        var lastState = new Dictionary<string, string>();
        foreach (var document in api.Received.SelectMany(request => JsonDocument.Parse(request.Body).RootElement.EnumerateArray()))
        {
            lastState[document.GetProperty("id").GetString()!] = document.GetProperty("state").GetString()!;
        }

        string StateOf(string name) => lastState[sent.Single(task => task.Name == name).Id];
        lastState.Keys.Should().Contain(sent.Select(task => task.Id), "every task got a document");
        StateOf("add").Should().Be("SUCCEEDED");
        StateOf("boom").Should().Be("FAILED");
        StateOf("flaky").Should().BeOneOf(["SUCCEEDED", "RECOVERED"], "it succeeded after two retries (RECOVERED when its retries share the batch)");
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

    /// <summary>
    /// Waits until the capture saw each task end (add and flaky succeeded, boom failed). A solo worker buffers task
    /// events and may publish the last ones seconds later, hence the generous limit.
    /// </summary>
    private static async Task WaitUntilEveryTaskFinishedAsync(
        CeleryEventCapture capture, IReadOnlyList<(string Name, string Id)> sent, CeleryWorker worker)
    {
        var ends = sent.Select(task => new CeleryEvent(task.Name == "boom" ? "task-failed" : "task-succeeded", task.Id)).ToList();
        try
        {
            await Eventually.HoldsAsync(() => ends.TrueForAll(capture.Events.Contains), TimeSpan.FromSeconds(30), "every task finished");
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Celery did not finish the tasks; the worker's log:\n{worker.Output}", failure);
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Switchyard.Core.FanOut;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>The Celery traffic scenario both brokers run: a worker, tasks that succeed, fail and retry, an independent capture, the agent.</summary>
internal static class CeleryTraffic
{
    /// <summary>
    /// Starts the capture and the agent's runner, then a worker; sends <paramref name="tasksOfEachKind"/> of each task,
    /// waits until every task finished and the agent handled every captured event, and checks none was dead-lettered.
    /// </summary>
    /// <param name="check">Looks at the runner before it stops.</param>
    public static async Task<(IReadOnlyList<(string Name, string Id)> Sent, List<CeleryEvent> Emitted)> RunAsync(
        Func<Task<ICeleryEventCapture>> startCapture, Subscription subscription, HttpClient http, string brokerUrl, int tasksOfEachKind,
        Action<FanOutSubscriptionRunner>? check = null)
    {
        IReadOnlyList<(string Name, string Id)> sent;
        await using var capture = await startCapture();
        await using var runner = await FanOutHarness.StartAsync(subscription, http);
        await using (var worker = await CeleryApp.StartWorkerAsync(brokerUrl))
        {
            sent = await CeleryApp.SendAsync(brokerUrl, tasksOfEachKind);
            await WaitUntilEveryTaskFinishedAsync(capture.Events, sent, worker);
        }

        // Both counts only grow and the agent lags the capture by its batch window, so once they meet after the
        // worker stopped, both hold everything.
        await Eventually.HoldsAsync(
            () => runner.Status().Delivered + runner.Status().DeadLettered == capture.Events.Count,
            TimeSpan.FromSeconds(15),
            "the agent handled every emitted event");
        runner.Status().DeadLettered.Should().Be(0, "real Celery events are events (and satisfy the event schema)");
        check?.Invoke(runner);
        return (sent, [.. capture.Events]);
    }

    /// <summary>The API got the same multiset of (type, task) Celery emitted, none lost, none twice, of every kind.</summary>
    public static void ShouldHaveEveryEventOnce(TestBackend api, IReadOnlyList<(string Name, string Id)> sent, List<CeleryEvent> emitted)
    {
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

    /// <summary>With the Celery transform, every task got a document whose last state is the task's end.</summary>
    public static void ShouldEndInFinalStates(TestBackend api, IReadOnlyList<(string Name, string Id)> sent)
    {
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

    /// <summary>
    /// Waits until <paramref name="captured"/> holds each task's end (add and flaky succeeded, boom failed). A solo
    /// worker buffers task events and may publish the last ones seconds later, hence the generous limit.
    /// </summary>
    private static async Task WaitUntilEveryTaskFinishedAsync(
        ConcurrentQueue<CeleryEvent> captured, IReadOnlyList<(string Name, string Id)> sent, CeleryWorker worker)
    {
        var ends = sent.Select(task => new CeleryEvent(task.Name == "boom" ? "task-failed" : "task-succeeded", task.Id)).ToList();
        try
        {
            await Eventually.HoldsAsync(() => ends.TrueForAll(captured.Contains), TimeSpan.FromSeconds(30), "every task finished");
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Celery did not finish the tasks; the worker's log:\n{worker.Output}", failure);
        }
    }
}

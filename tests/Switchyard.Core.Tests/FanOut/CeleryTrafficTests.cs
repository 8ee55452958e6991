using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>
/// Real Celery traffic: Debian's <c>celery</c> worker (run with <c>-E</c>) against the private broker, tasks that
/// succeed, fail and retry. An audit queue bound to the same exchange records what Celery published; every one of
/// those events must reach the API.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class CeleryTrafficTests(RabbitMqServer broker) : IDisposable
{
    private const string Tasks = """
        from celery import Celery
        import os
        app = Celery('tasks', broker=os.environ['BROKER'])
        app.conf.task_send_sent_event = True
        app.conf.worker_send_task_events = True

        @app.task
        def add(x, y):
            return x + y

        @app.task
        def boom():
            return 1 / 0

        @app.task(bind=True, max_retries=1)
        def flaky(self):
            if self.request.retries < 1:
                raise self.retry(countdown=1)
            return 'recovered'
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-celery-");
    private readonly HttpClient _http = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    [Fact]
    public async Task Every_event_a_celery_worker_and_client_send_reaches_the_api()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var (sent, runner) = await RunCeleryAsync(api, EventTransform.None, () => Types(api).Contains("worker-online"), () => Types(api).Count(type => type is "task-succeeded" or "task-failed") == 3);
        await using (runner)
        {
            await Eventually.HoldsAsync(() => Types(api).Count == sent.Count, TimeSpan.FromSeconds(20), "every event Celery sent reached the API");
            Types(api).Order().Should().Equal(sent.Order());
            runner.Status().DeadLettered.Should().Be(0);
        }
    }

    [Fact]
    public async Task With_the_celery_transform_every_real_event_passes_the_schema_and_becomes_a_document()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var (sent, runner) = await RunCeleryAsync(api, EventTransform.Celery, () => api.Received.Any(request => request.Body.Contains("\"online_at\"", StringComparison.Ordinal)), () => States(api).Values.Count(CeleryStatesTerminal) == 3);
        await using (runner)
        {
            await Eventually.HoldsAsync(() => runner.Status().Delivered == sent.Count, TimeSpan.FromSeconds(20), "every event Celery sent was delivered");
            runner.Status().DeadLettered.Should().Be(0, "real Celery events pass the schema");
            States(api).Values.Should().Contain(["SUCCEEDED", "FAILED", "OFFLINE"]);
        }
    }

    private async Task<(List<string> Sent, FanOutSubscriptionRunner Runner)> RunCeleryAsync(
        TestBackend api, EventTransform transform, Func<bool> online, Func<bool> finished)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "tasks.py"), Tasks);
        var subscription = FanOutHarness.Subscription(broker.AmqpUri, api.Host) with { Exchange = "celeryev", Transform = transform };
        await using var client = await BrokerClient.ConnectAsync(broker);
        var audit = subscription.Queue + ".audit";
        await client.OnNewChannelAsync(async channel =>
        {
            await channel.ExchangeDeclareAsync("celeryev", ExchangeType.Topic, durable: true);
            await channel.QueueDeclareAsync(audit, durable: false, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(audit, "celeryev", "#");
        });
        var runner = await FanOutHarness.StartAsync(subscription, _http);

        // Debian's Celery runs on Debian's Python (/usr/bin/celery would pick whatever python3 is first on the PATH).
        using (var worker = Start("/usr/bin/python3", "-m", "celery", "-A", "tasks", "worker", "-E", "-l", "info", "-c", "2", "-n", "w1@%h", "--without-mingle", "--without-gossip"))
        {
            try
            {
                await Eventually.HoldsAsync(() => Running(worker) && NothingDeadLettered(runner) && online(), TimeSpan.FromSeconds(60), "the worker came online");
                using (var producer = Start("/usr/bin/python3", "-c", "import tasks as t; t.add.delay(2, 3); t.boom.delay(); t.flaky.delay()"))
                {
                    await producer.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                }

                await Eventually.HoldsAsync(() => NothingDeadLettered(runner) && finished(), TimeSpan.FromSeconds(60), "the three tasks finished");
            }
            finally
            {
                // A warm shutdown, so the worker says goodbye (worker-offline).
                using (var term = Start("kill", "-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    await term.WaitForExitAsync();
                }

                if (!worker.WaitForExit(TimeSpan.FromSeconds(30)))
                {
                    worker.Kill(entireProcessTree: true);
                }
            }
        }

        var sent = await DrainEventTypesAsync(client, audit);
        sent.Should().Contain(["task-sent", "task-received", "task-started", "task-succeeded", "task-failed", "task-retried", "worker-online", "worker-offline"]);
        return (sent, runner);
    }

    public void Dispose()
    {
        _http.Dispose();
        _directory.Delete(recursive: true);
    }

    private bool Running(Process worker)
    {
        worker.HasExited.Should().BeFalse("the Celery worker should run; its output:\n{0}", string.Join('\n', _output));
        return true;
    }

    private static bool NothingDeadLettered(FanOutSubscriptionRunner runner)
    {
        var status = runner.Status();
        status.DeadLettered.Should().Be(0, "real Celery events are valid, yet one was dead-lettered: {0}", status.LastDeadLetterReason);
        status.LastError.Should().BeNull("nothing should fail");
        return true;
    }

    private static bool CeleryStatesTerminal(string state) => state is "SUCCEEDED" or "FAILED" or "RECOVERED" or "CRITICAL";

    /// <summary>The latest state of every document id the API received.</summary>
    private static Dictionary<string, string> States(TestBackend api)
    {
        var states = new Dictionary<string, string>();
        foreach (var document in api.Received.SelectMany(request => JsonDocument.Parse(request.Body).RootElement.EnumerateArray()))
        {
            states[document.GetProperty("id").GetString()!] = document.GetProperty("state").GetString()!;
        }

        return states;
    }

    private static List<string> Types(TestBackend api) =>
        [.. api.Received.SelectMany(request => JsonDocument.Parse(request.Body).RootElement.EnumerateArray())
            .Select(item => item.GetProperty("type").GetString()!)];

    private static async Task<List<string>> DrainEventTypesAsync(BrokerClient client, string queue)
    {
        var types = new List<string>();
        while (await client.GetAsync(queue) is { } message)
        {
            var root = JsonDocument.Parse(message.Body).RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            types.AddRange(items.Select(item => item.GetProperty("type").GetString()!));
        }

        return types;
    }

    private Process Start(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = _directory.FullName,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BROKER"] = broker.AmqpUri.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");

        // Drained so a chatty worker never blocks on a full pipe.
        process.OutputDataReceived += (_, line) => _output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => _output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

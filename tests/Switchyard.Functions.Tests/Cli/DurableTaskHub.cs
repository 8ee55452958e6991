using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>
/// A task hub of its own on a real Azurite, with the durable engine a gateway runs: a configuration file (fast queue
/// polling) whose durable endpoints call a loopback backend — <c>/signup</c> completes, <c>/broken</c> fails (a 400),
/// <c>/slow</c> waits an hour on a durable retry, and <c>/nested</c> does so inside a nested workflow.
/// </summary>
internal sealed class DurableTaskHub : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly DurableEngine _engine;
    private readonly ServiceConfig _config;

    private DurableTaskHub(DirectoryInfo directory, string configPath, string taskHub, TestBackend backend, ServiceConfig config, DurableEngine engine)
    {
        _directory = directory;
        ConfigPath = configPath;
        TaskHub = taskHub;
        Backend = backend;
        _config = config;
        _engine = engine;
    }

    public string ConfigPath { get; }

    public string TaskHub { get; }

    public TestBackend Backend { get; }

    /// <summary>
    /// Writes the configuration and builds the engine; with <paramref name="startWorker"/> false the engine only starts
    /// flows (its client side), and none of them runs.
    /// </summary>
    public static async Task<DurableTaskHub> StartAsync(AzuriteServer azurite, bool startWorker = true)
    {
        var backend = await TestBackend.StartAsync(context => context.Request.Path.Value switch
        {
            "/register" => TestBackend.Json(context, """{"id":7,"name":"ana"}"""),
            "/busy" => TestBackend.Json(context, "{}", 503),
            _ => TestBackend.Json(context, "{}", 400),
        });
        var directory = Directory.CreateTempSubdirectory("switchyard-workflows-");
        var taskHub = "cli" + Guid.NewGuid().ToString("N")[..16];
        var configPath = Path.Combine(directory.FullName, "krakend.json");
        await File.WriteAllTextAsync(configPath, Config(azurite.ConnectionString, taskHub, backend.Host));
        var loaded = ConfigLoader.LoadFile(configPath);
        loaded.Errors.Should().BeEmpty("the test configuration must be valid");
        var engine = DurableEngine.OnAzureStorage(
            loaded.Config!.Durable!,
            new DurablePipes(loaded.Config),
            new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default),
            NullLoggerFactory.Instance);
        var hub = new DurableTaskHub(directory, configPath, taskHub, backend, loaded.Config, engine);
        if (startWorker)
        {
            await hub.StartWorkerAsync();
        }

        return hub;
    }

    /// <summary>Starts the engine's worker: this process then runs the task hub's flows, as a gateway would.</summary>
    public Task StartWorkerAsync() => _engine.StartAsync();

    /// <summary>Starts a flow of the endpoint serving <paramref name="route"/> with <paramref name="instanceId"/>.</summary>
    public async Task StartFlowAsync(string route, string instanceId)
    {
        var endpoint = _config.Endpoints.Single(e => e.Endpoint == route);
        var request = new ProxyRequest { Method = endpoint.Method, Path = route, Body = """{"user":"ana"}"""u8.ToArray() };
        (await _engine.StartFlowAsync(endpoint.JsonPath, MergeFailurePolicy.Partial, request, instanceId)).IsNew.Should().BeTrue();
    }

    /// <summary>Starts a flow and waits until it has ended (or, for the slow ones, waits on its retry).</summary>
    public async Task<FlowState> RunFlowAsync(string route, string instanceId)
    {
        var busy = BusyCalls();
        await StartFlowAsync(route, instanceId);
        return route is "/slow" or "/nested"
            ? await WaitAsync(instanceId, state => state.RuntimeStatus == "Running" && BusyCalls() > busy)
            : await WaitAsync(instanceId, state => state.IsFinished);
    }

    /// <summary>The flow's state now, null when there is none.</summary>
    public Task<FlowState?> GetAsync(string instanceId) => _engine.GetAsync(instanceId);

    /// <summary>Waits until the flow's state satisfies <paramref name="until"/>; fails after 30 s with its last state.</summary>
    public async Task<FlowState> WaitAsync(string instanceId, Func<FlowState, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        FlowState? state = null;
        while (!timeout.IsCancellationRequested)
        {
            state = await _engine.GetAsync(instanceId);
            if (state is not null && until(state))
            {
                return state;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException($"flow {instanceId} did not get there within 30 s: {state?.RuntimeStatus} {state?.Record}");
    }

    private int BusyCalls() => Backend.Received.Count(r => r.Target == "/busy");

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        await Backend.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private static string Config(string connection, string taskHub, string backendHost)
    {
        const string Waiting = """{"url_pattern": "/busy", "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 2, "first_delay": "1h"}}}}""";
        return $$$"""
            {"version": 3, "host": ["{{{backendHost}}}"],
             "extra_config": {"switchyard/durable": {"connection": "{{{connection}}}", "task_hub": "{{{taskHub}}}", "queue_polling": "50ms"}},
             "endpoints": [
               {"endpoint": "/signup", "method": "POST", "extra_config": {"switchyard/durable": {}}, "backend": [{"url_pattern": "/register"}]},
               {"endpoint": "/broken", "extra_config": {"switchyard/durable": {}}, "backend": [{"url_pattern": "/fail"}]},
               {"endpoint": "/slow", "extra_config": {"switchyard/durable": {}}, "backend": [{{{Waiting}}}]},
               {"endpoint": "/nested", "extra_config": {"switchyard/durable": {}}, "backend": [
                 {"url_pattern": "/__workflow", "extra_config": {"workflow": {"endpoint": "/inner", "backend": [{{{Waiting}}}]} } }]}
             ]}
            """;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Memory;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents;

/// <summary>The runner against the embedded broker and a real loopback backend: what every runner test needs.</summary>
public abstract class AgentRunnerTestBase : IAsyncDisposable
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    protected readonly MemoryBroker _broker = new();
    protected readonly AgentHealthRegistry _health = new(TimeProvider.System);
    protected readonly ConcurrentQueue<(AgentLogLevel Level, string Agent, string Message)> _logs = new();
    protected readonly List<AgentRunner> _runners = [];
    protected readonly List<TestBackend> _backends = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            await runner.DisposeAsync();
        }

        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    protected async Task<TestBackend> BackendAsync(Func<HttpContext, Task>? respond = null)
    {
        var backend = await TestBackend.StartAsync(respond);
        _backends.Add(backend);
        return backend;
    }

    protected async Task<TestBackend> BackendAsync(string body, int status = 200, TimeSpan delay = default)
    {
        var backend = await TestBackend.StartAsync(body, status, delay);
        _backends.Add(backend);
        return backend;
    }

    protected static AsyncAgentConfig Agent(string host, AgentConsumerOptions? consumer = null, string name = "orders", string backoff = "linear") =>
        new()
        {
            Name = name,
            Connection = new AgentConnectionOptions { BackoffStrategy = backoff },
            Consumer = consumer ?? new AgentConsumerOptions { Topic = "orders.#" },
            Pipe = new EndpointConfig
            {
                Endpoint = $"/__agent/{name}",
                Backends = [new BackendConfig { Host = [host], UrlPattern = "/hook", Method = "POST" }],
            },
            Memory = new MemoryDriverOptions { Exchange = "ex" },
        };

    protected AgentRunner Run(AsyncAgentConfig agent, Func<IMessageSource>? connect = null, Func<double>? random = null, TimeProvider? time = null)
    {
        if (connect is null)
        {
            // As the host does at startup: messages published before the first connection are kept.
            MemoryMessageSource.Declare(_broker, agent);
        }

        var pipe = new ProxyFactory(Client, DecoderRegistry.Default).CreateEndpoint(agent.Pipe);
        var runner = new AgentRunner(
            agent,
            pipe,
            connect ?? (() => MemoryMessageSource.Create(_broker, agent)),
            _health,
            new AgentRunnerOptions
            {
                Log = (level, name, message, _) => _logs.Enqueue((level, name, message)),
                Random = random,
                TimeProvider = time ?? TimeProvider.System,
            });
        _runners.Add(runner);
        runner.Start();
        return runner;
    }

    protected void Publish(string body, string routingKey = "orders.created", IReadOnlyDictionary<string, string>? headers = null, string? id = null) =>
        _broker.Publish("ex", routingKey, System.Text.Encoding.UTF8.GetBytes(body), "application/json", headers, id).Should().Be(1);

    protected MemoryQueue Queue(string name = "orders") => _broker.FindQueue(name)!;

    protected static Task ConnectedAsync(AgentRunner runner) =>
        Eventually.HoldsAsync(() => runner.Status.Snapshot().Connected, what: "the agent's connection");

    protected static Func<HttpContext, Task> Concurrency(Action<int> observe, TimeSpan delay)
    {
        var running = 0;
        return async context =>
        {
            observe(Interlocked.Increment(ref running));
            await Task.Delay(delay);
            Interlocked.Decrement(ref running);
            await TestBackend.Json(context, "{}");
        };
    }
}

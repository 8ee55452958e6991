using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Core.Agents.AzureQueue;
using Switchyard.Core.Agents.Memory;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.Durable;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Runs the configuration's async agents beside the HTTP server: one runner per agent, each with its own driver
/// (RabbitMQ, a Storage queue or the embedded broker) and the pipe the factory builds from the agent's backends. An agent whose broker
/// is down retries on its own; it never holds up the others or the endpoints. On shutdown, agents stop taking
/// messages and finish (or requeue) the ones in flight within <see cref="DrainTimeout"/>. Under the Functions host, an
/// agent a trigger feeds (Service Bus, Storage queue, RabbitMQ) takes its messages from the host's invocations instead
/// of a connection of its own; standalone, a Storage queue agent polls its queue itself, and an agent only the host can
/// feed (Service Bus) is skipped with a warning.
/// </summary>
internal sealed class AgentHostService(
    ServiceConfig config,
    ProxyFactory factory,
    MemoryBroker broker,
    AgentHealthRegistry health,
    TimeProvider time,
    ILoggerFactory loggers,
    ServerlessOptions serverless,
    TriggerFeeds feeds,
    DurableEngineHost? durable = null) : IHostedService, IAsyncDisposable
{
    /// <summary>How long in-flight messages may take to finish when the gateway stops.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly List<AgentRunner> _runners = [];
    private readonly List<Task> _watchers = [];
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Switchyard.Agents");
        foreach (var configured in config.AsyncAgents)
        {
            if (!serverless.UnderFunctionsHost && configured.NeedsFunctionsHost)
            {
                logger.LogWarning(
                    "[AGENT: {Agent}] {Namespace} is fed by the Azure Functions host's {Trigger}; it does not run standalone",
                    configured.Name,
                    FunctionTriggers.NamespaceOf(configured),
                    FunctionTriggers.TypeOf(configured));
                continue;
            }

            var fedByHost = serverless.UnderFunctionsHost && FunctionTriggers.TypeOf(configured) is not null;
            // The host is there from the start: no reason to wait a backoff delay before the first "connection".
            var agent = fedByHost ? configured with { Connection = configured.Connection with { BackoffStrategy = "linear" } } : configured;
            if (agent.Memory is not null)
            {
                // Declared now, so messages published before the agent first connects are kept.
                MemoryMessageSource.Declare(broker, agent);
            }

            var feed = fedByHost ? feeds.For(agent) : null;
            AgentLog log = (level, name, message, exception) =>
            {
                logger.Log(ToLogLevel(level), exception, "[AGENT: {Agent}] {Message}", name, message);
                InvocationLog.Add($"[AGENT: {name}] {message}");
            };
            var runner = new AgentRunner(agent, PipeOf(agent), () => feed?.Connect() ?? Connect(agent, log), health, new AgentRunnerOptions
            {
                TimeProvider = time,
                Log = log,
            });
            _runners.Add(runner);
            runner.Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_runners.Select(runner => runner.StopAsync(DrainTimeout))).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_watchers).ConfigureAwait(false);
    }

    // A durable agent's pipe starts a flow per message (acknowledged once the start is recorded); any other runs it here.
    private Proxy PipeOf(AsyncAgentConfig agent)
    {
        if (!agent.Pipe.IsDurable || durable is null)
        {
            return factory.CreateEndpoint(agent.Pipe);
        }

        var flows = new DurableAgentFlows(agent, durable.Engine, durable.WaitReadyAsync, health.Status(agent.Name));
        _watchers.Add(Task.Run(() => flows.WatchAsync(_stopping.Token), CancellationToken.None));
        return flows.StartAsync;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            await runner.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private IMessageSource Connect(AsyncAgentConfig agent, AgentLog log) => agent switch
    {
        { Amqp: not null } => new AmqpMessageSource(agent),
        { AzureQueue: not null } => new AzureQueueMessageSource(agent, time, log),
        _ => MemoryMessageSource.Create(broker, agent),
    };

    internal static LogLevel ToLogLevel(AgentLogLevel level) => level switch
    {
        AgentLogLevel.Debug => LogLevel.Debug,
        AgentLogLevel.Information => LogLevel.Information,
        AgentLogLevel.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}

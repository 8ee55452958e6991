using System.Diagnostics;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Amqp;
using Switchyard.Core.Configuration;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;

namespace Switchyard.AgentBench;

/// <summary>
/// Drains a prefilled queue through a Switchyard agent as the gateway runs it: the configuration loaded from JSON,
/// <see cref="AgentRunner"/> over <see cref="AmqpMessageSource"/>, and the pipe <see cref="ProxyFactory"/> builds for
/// the agent's backend.
/// </summary>
internal sealed class AgentDrain(ProxyFactory factory, Uri broker, Uri backend) : IQueueDrain
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public string Name => "Switchyard agent";

    public async Task<TimeSpan> DrainAsync(string exchange, string queue, int workers, int messages)
    {
        var agent = LoadAgent(exchange, queue, workers);
        var health = new AgentHealthRegistry(TimeProvider.System);
        var pipe = factory.CreateEndpoint(agent.Pipe);
        var clock = new FirstMessageClock();
        Proxy timed = (request, cancellationToken) =>
        {
            clock.MessageTaken();
            return pipe(request, cancellationToken);
        };
        await using var runner = new AgentRunner(agent, timed, () => new AmqpMessageSource(agent), health);
        var patience = Stopwatch.StartNew();
        runner.Start();

        // Processed counts acknowledged messages, so the clock stops when the broker has been told about the last one.
        while (runner.Status.Snapshot() is { Processed: var processed } status && processed < messages)
        {
            if (patience.Elapsed > Patience)
            {
                throw new TimeoutException($"The agent processed {processed} of {messages} messages in {Patience}; last error: {status.LastError}");
            }

            await Task.Delay(5);
        }

        var elapsed = clock.Elapsed;
        await runner.StopAsync(TimeSpan.FromSeconds(5));
        return elapsed;
    }

    private AsyncAgentConfig LoadAgent(string exchange, string queue, int workers)
    {
        var json = $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "bench", "consumer": {"topic": "{{PrefilledQueue.Topic}}", "workers": {{workers}}, "timeout": "10s"},
               "backend": [{"host": ["{{backend.GetLeftPart(UriPartial.Authority)}}"], "url_pattern": "/", "method": "POST"}],
               "extra_config": {"async/amqp": {"host": "{{broker}}", "name": "{{queue}}", "exchange": "{{exchange}}"} } }]}
            """;
        var result = ConfigLoader.Parse(json);
        return result.Config?.AsyncAgents[0]
            ?? throw new InvalidOperationException("The agent configuration is invalid: " + string.Join("; ", result.Errors));
    }
}

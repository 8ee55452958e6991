using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

/// <summary>Agent configurations on the test broker, each with its own queue and exchange so tests never share messages.</summary>
internal static class AmqpTestAgents
{
    public const string Topic = "orders.*";

    public static AsyncAgentConfig Create(
        RabbitMqServer server,
        Func<AmqpDriverOptions, AmqpDriverOptions>? configure = null,
        int maxDeliveries = 0)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var amqp = new AmqpDriverOptions
        {
            Host = server.AmqpUri.ToString(),
            Name = "queue-" + unique,
            Exchange = "exchange-" + unique,
        };
        return new AsyncAgentConfig
        {
            Name = "agent-" + unique,
            Consumer = new AgentConsumerOptions { Topic = Topic, MaxDeliveries = maxDeliveries },
            Pipe = new EndpointConfig { Endpoint = "agent-" + unique },
            Amqp = configure is null ? amqp : configure(amqp),
        };
    }
}

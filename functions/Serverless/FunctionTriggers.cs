using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Serverless;

/// <summary>The Functions trigger that feeds each kind of agent, and the driver namespace it stands for.</summary>
internal static class FunctionTriggers
{
    public const string ServiceBus = "serviceBusTrigger";
    public const string StorageQueue = "queueTrigger";
    public const string RabbitMq = "rabbitMQTrigger";

    /// <summary>The trigger type of <paramref name="agent"/>'s function, or null for an agent no trigger feeds (the embedded broker's).</summary>
    public static string? TypeOf(AsyncAgentConfig agent)
    {
        if (agent.ServiceBus is not null)
        {
            return ServiceBus;
        }

        if (agent.AzureQueue is not null)
        {
            return StorageQueue;
        }

        return agent.Amqp is not null ? RabbitMq : null;
    }

    /// <summary>The <c>extra_config</c> namespace that chose the agent's driver, for messages.</summary>
    public static string NamespaceOf(AsyncAgentConfig agent)
    {
        if (agent.ServiceBus is not null)
        {
            return NamespaceAliases.AsyncServiceBus;
        }

        if (agent.AzureQueue is not null)
        {
            return NamespaceAliases.AsyncAzureQueue;
        }

        return agent.Amqp is not null ? NamespaceAliases.AsyncAmqp : NamespaceAliases.AsyncMemory;
    }
}

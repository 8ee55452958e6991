using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>Agents of each driver kind, built directly: the serverless drivers are read by the Functions host only.</summary>
internal static class TestAgents
{
    public static AsyncAgentConfig ServiceBusQueue(string name, string queue, int workers = 1, int maxDeliveries = 0, string connection = "ServiceBusConnection") =>
        Agent(name, workers, maxDeliveries) with { ServiceBus = new ServiceBusDriverOptions { Queue = queue, Connection = connection } };

    public static AsyncAgentConfig ServiceBusTopic(string name, string topic, string subscription, int maxDeliveries = 0) =>
        Agent(name, 1, maxDeliveries) with { ServiceBus = new ServiceBusDriverOptions { Topic = topic, Subscription = subscription } };

    public static AsyncAgentConfig StorageQueue(string name, string queue, int workers = 1, int maxDeliveries = 0, string connection = "AzureWebJobsStorage") =>
        Agent(name, workers, maxDeliveries) with { AzureQueue = new AzureQueueDriverOptions { Queue = queue, Connection = connection } };

    public static AsyncAgentConfig RabbitMq(string name, string queue, string host = "amqp://guest:guest@localhost:5672", int prefetchCount = 0) =>
        Agent(name, 1, 0) with { Amqp = new AmqpDriverOptions { Host = host, Name = queue, Exchange = "events", PrefetchCount = prefetchCount } };

    public static AsyncAgentConfig Memory(string name) => Agent(name, 1, 0) with { Memory = new MemoryDriverOptions() };

    public static ServiceConfig Config(params AsyncAgentConfig[] agents) => new() { AsyncAgents = agents };

    private static AsyncAgentConfig Agent(string name, int workers, int maxDeliveries) => new()
    {
        Name = name,
        Pipe = new EndpointConfig { Endpoint = name },
        Consumer = new AgentConsumerOptions { Topic = "#", Workers = workers, MaxDeliveries = maxDeliveries },
        JsonPath = "async_agent[0]",
    };
}

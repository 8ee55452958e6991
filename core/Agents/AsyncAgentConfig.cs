using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Agents;

/// <summary>
/// One entry of the root <c>async_agent</c> array: a consumer of a queue or topic whose every message goes through
/// <see cref="Pipe"/>, the same kind of pipe an endpoint runs.
/// </summary>
public sealed record AsyncAgentConfig
{
    /// <summary>The agent's name, unique, the key of <c>/__health</c>'s <c>agents</c>. <value>The default value is <c>AsyncAgent-NN</c> (its index).</value></summary>
    public required string Name { get; init; }

    public AgentConnectionOptions Connection { get; init; } = new();

    public AgentConsumerOptions Consumer { get; init; } = new();

    /// <summary>
    /// The pipe every message runs through, as KrakenD builds it: an endpoint named after the agent, with the
    /// consumer timeout, the agent's backends (workflows included) and its <c>extra_config</c>.
    /// </summary>
    public required EndpointConfig Pipe { get; init; }

    /// <summary>The <c>async/amqp</c> driver options, or null.</summary>
    public AmqpDriverOptions? Amqp { get; init; }

    /// <summary>The <c>async/memory</c> driver options (the embedded broker), or null.</summary>
    public MemoryDriverOptions? Memory { get; init; }

    /// <summary>The <c>async/servicebus</c> driver options (Functions host only), or null.</summary>
    public ServiceBusDriverOptions? ServiceBus { get; init; }

    /// <summary>The <c>async/azure-queue</c> driver options (a Storage queue, under the Functions host or standalone), or null.</summary>
    public AzureQueueDriverOptions? AzureQueue { get; init; }

    /// <summary>True when only the Azure Functions host can feed this agent (its trigger runs there).</summary>
    public bool NeedsFunctionsHost => ServiceBus is not null;

    /// <summary>True when the driver binds <see cref="AgentConsumerOptions.Topic"/> (a Service Bus or Storage queue is chosen by its name alone).</summary>
    public bool BindsTopic => ServiceBus is null && AzureQueue is null;

    /// <summary>The raw <c>extra_config</c>, with namespace aliases normalised to their short names.</summary>
    public JsonObject ExtraConfig { get; init; } = [];

    /// <summary>The JSON path of this agent in the file (<c>async_agent[0]</c>).</summary>
    public string JsonPath { get; init; } = "";
}

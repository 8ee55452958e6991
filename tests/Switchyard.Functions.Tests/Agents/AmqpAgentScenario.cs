using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// One agent on the private broker with its own queue and exchange, so tests never share messages: its gateway
/// configuration and the names the test side needs to publish and look into the queues.
/// </summary>
internal sealed record AmqpAgentScenario
{
    public const string Topic = "orders.*";
    public const string RoutingKey = "orders.created";

    private AmqpAgentScenario(RabbitMqServer server, bool durable)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        (Server, Durable) = (server, durable);
        Agent = "agent-" + unique;
        Queue = "queue-" + unique;
        Exchange = "exchange-" + unique;
    }

    public RabbitMqServer Server { get; }

    public bool Durable { get; }

    public string Agent { get; }

    public string Queue { get; }

    public string Exchange { get; }

    /// <summary>The queue where the driver moves dead-lettered messages.</summary>
    public string DeadQueue => Queue + ".dead";

    public static AmqpAgentScenario Create(RabbitMqServer server, bool durable = false) => new(server, durable);

    /// <summary>
    /// A gateway configuration with this agent alone: <paramref name="consumer"/> holds the <c>consumer</c> keys after
    /// <c>topic</c>; the backend is <c>POST /orders</c> on <paramref name="backendHost"/> with the
    /// <paramref name="backendExtraConfig"/> namespaces, if any; health pings every second.
    /// </summary>
    public string Config(string backendHost, string consumer, string backendExtraConfig = "") =>
        $$"""{"version": 3, "endpoints": [], "async_agent": [{{AgentJson(backendHost, consumer, backendExtraConfig: backendExtraConfig)}}]}""";

    /// <summary>This agent's entry of <c>async_agent</c> (see <see cref="Config"/>), on <paramref name="amqpHost"/> if given.</summary>
    public string AgentJson(string backendHost, string consumer, string? amqpHost = null, string backendExtraConfig = "") =>
        $$"""
        {"name": "{{Agent}}",
         "connection": {"health_interval": "1s"},
         "consumer": {"topic": "{{Topic}}", {{consumer}} },
         "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/orders", "method": "POST", "extra_config": { {{backendExtraConfig}} } }],
         "extra_config": {"async/amqp": {
           "host": "{{amqpHost ?? Server.AmqpUri.ToString()}}", "name": "{{Queue}}", "exchange": "{{Exchange}}",
           "durable": {{(Durable ? "true" : "false")}} } } }
        """;
}

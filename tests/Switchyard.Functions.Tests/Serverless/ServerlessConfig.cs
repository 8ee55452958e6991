namespace Switchyard.Functions.Tests.Serverless;

/// <summary>
/// A configuration with one agent of each trigger (Service Bus <c>orders</c>, Storage queue <c>jobs</c>, RabbitMQ
/// <c>events</c>), an endpoint <c>GET /items</c>, all on one backend. The RabbitMQ broker's port is closed: under the
/// host, the agent never connects to it.
/// </summary>
internal static class ServerlessConfig
{
    public const string OrdersFunction = "agent_orders";
    public const string JobsFunction = "agent_jobs";
    public const string EventsFunction = "agent_events";

    public static string For(string backendHost, string consumer = "", string endpoints = "") => $$"""
        {"version": 3, "timeout": "3s",
         "endpoints": [{"endpoint": "/items", "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/items"}]} {{endpoints}}],
         "async_agent": [
           {"name": "orders", "consumer": {"workers": 2 {{consumer}} },
            "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/orders", "method": "POST"}],
            "extra_config": {"async/servicebus": {"queue": "orders"} } },
           {"name": "jobs",
            "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/jobs", "method": "POST"}],
            "extra_config": {"async/azure-queue": {"queue": "jobs"} } },
           {"name": "events", "consumer": {"topic": "#"},
            "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/events", "method": "POST"}],
            "extra_config": {"async/amqp": {"host": "amqp://guest:guest@127.0.0.1:1/", "name": "events", "exchange": "x"} } }
         ]}
        """;
}

namespace Switchyard.Functions.Serverless;

/// <summary>A message as the host's invocation payload describes it, whichever trigger delivered it.</summary>
internal sealed record InvocationMessage
{
    /// <summary>Service Bus <c>MessageId</c>, Storage queue <c>Id</c> or the AMQP <c>message-id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The AMQP routing key, or the Service Bus <c>Subject</c>; empty when there is none.</summary>
    public string RoutingKey { get; init; } = "";

    public string? ContentType { get; init; }

    /// <summary>Service Bus application properties or AMQP headers, as text.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>This delivery's number, 1 the first time (<c>DeliveryCount</c>, <c>DequeueCount</c>, the RabbitMQ requeue count + 1).</summary>
    public int DeliveryCount { get; init; } = 1;
}

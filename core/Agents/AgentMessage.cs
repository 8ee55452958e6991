namespace Switchyard.Core.Agents;

/// <summary>A message delivered to an agent, with the way to settle it.</summary>
public sealed class AgentMessage
{
    /// <summary>The broker's or publisher's message id, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The routing key it was published with.</summary>
    public string RoutingKey { get; init; } = "";

    /// <summary>Its content type, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>Its headers, as text.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body, unchanged.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>How many times this message has been delivered, this delivery included (1 the first time).</summary>
    public int DeliveryCount { get; init; } = 1;

    /// <summary>How the runner settles it.</summary>
    public required IMessageSettlement Settlement { get; init; }
}

/// <summary>The three ways a message ends its delivery.</summary>
public interface IMessageSettlement
{
    /// <summary>Processed: the broker forgets it.</summary>
    ValueTask AckAsync();

    /// <summary>Not processed: the broker delivers it again (<paramref name="requeue"/>) or drops it.</summary>
    ValueTask NackAsync(bool requeue);

    /// <summary>Never processable: moved aside with <paramref name="reason"/>, never delivered to this queue again.</summary>
    ValueTask DeadLetterAsync(string reason);
}

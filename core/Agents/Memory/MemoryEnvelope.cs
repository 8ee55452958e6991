namespace Switchyard.Core.Agents.Memory;

/// <summary>A message stored in a <see cref="MemoryQueue"/>, immutable; its body is the broker's own copy.</summary>
public sealed record MemoryEnvelope
{
    /// <summary>The message id: the publisher's, or one the broker made up.</summary>
    public required string Id { get; init; }

    /// <summary>The routing key it was published with.</summary>
    public string RoutingKey { get; init; } = "";

    /// <summary>Its content type, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>Its headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoHeaders;

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>How many times it has been delivered and given back so far (0 for a fresh message).</summary>
    public int Deliveries { get; init; }

    internal static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
}

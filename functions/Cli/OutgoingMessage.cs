namespace Switchyard.Functions.Cli;

/// <summary>
/// What <c>switchyard send</c> publishes: the body and the properties an agent's pipe passes to its backends
/// (<c>X-Message-Id</c>, <c>X-Message-Routing-Key</c>, <c>Content-Type</c>, <c>X-Message-Header-&lt;Name&gt;</c>).
/// </summary>
internal sealed record OutgoingMessage(ReadOnlyMemory<byte> Body, string RoutingKey, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The content type a message has unless <c>--content-type</c> says otherwise.</summary>
    public const string DefaultContentType = "application/json";

    /// <summary>A new id for every message: the one the agent sees and the output prints.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
}

namespace Switchyard.Core.Agents;

/// <summary>
/// The <c>async/memory</c> namespace: a queue of the gateway's embedded, in-process broker, bound with the consumer's
/// topic to an exchange of that broker. It lets the default configuration run agents with no server installed.
/// </summary>
public sealed record MemoryDriverOptions
{
    /// <summary>The queue name. <value>The default value is the agent's name.</value></summary>
    public string Name { get; init; } = "";

    /// <summary>The exchange messages are published to. <value>The default value is <c>switchyard</c>.</value></summary>
    public string Exchange { get; init; } = "switchyard";
}

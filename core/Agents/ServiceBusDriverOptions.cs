namespace Switchyard.Core.Agents;

/// <summary>
/// The <c>async/servicebus</c> namespace: an agent fed by an Azure Service Bus queue, or a topic subscription, through
/// the Azure Functions host's <c>serviceBusTrigger</c>. Only the Functions host runs it; standalone, the agent is
/// reported and skipped.
/// </summary>
public sealed record ServiceBusDriverOptions
{
    /// <summary>The queue; set either this or <see cref="Topic"/> and <see cref="Subscription"/>.</summary>
    public string? Queue { get; init; }

    /// <summary>The topic, with <see cref="Subscription"/>.</summary>
    public string? Topic { get; init; }

    /// <summary>The subscription of <see cref="Topic"/>.</summary>
    public string? Subscription { get; init; }

    /// <summary>
    /// The app-setting name (or identity prefix, <c>&lt;name&gt;__fullyQualifiedNamespace</c>) of the connection.
    /// <value>The default value is <c>ServiceBusConnection</c>.</value>
    /// </summary>
    public string Connection { get; init; } = "ServiceBusConnection";
}

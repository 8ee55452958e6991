namespace Switchyard.Core.Agents;

/// <summary>
/// The <c>async/azure-queue</c> namespace: an agent fed by an Azure Storage queue. Under the Azure Functions host the
/// host's <c>queueTrigger</c> feeds it; standalone, the gateway consumes the queue itself
/// (<see cref="AzureQueue.AzureQueueMessageSource"/>).
/// </summary>
public sealed record AzureQueueDriverOptions
{
    /// <summary>Deliveries of a message before it goes to <c>&lt;queue&gt;-poison</c> when <c>max_deliveries</c> is not set, as the Functions host's <c>maxDequeueCount</c>.</summary>
    public const int DefaultMaxDeliveries = 5;

    /// <summary>The suffix of the queue a message goes to once it is dead-lettered, as the Functions host names it.</summary>
    public const string PoisonQueueSuffix = "-poison";

    /// <summary>The queue name. Required.</summary>
    public string Queue { get; init; } = "";

    /// <summary>The app-setting name (or identity prefix) of the storage connection. <value>The default value is <c>AzureWebJobsStorage</c>.</value></summary>
    public string Connection { get; init; } = "AzureWebJobsStorage";

    /// <summary>
    /// How message texts encode their bodies (<c>message_encoding</c>, the host's <c>messageEncoding</c>).
    /// <value>The default value is <see cref="AzureQueueMessageEncoding.Base64"/>, the Functions host's default.</value>
    /// </summary>
    public AzureQueueMessageEncoding MessageEncoding { get; init; } = AzureQueueMessageEncoding.Base64;

    /// <summary>The name of <see cref="MessageEncoding"/> in the configuration and in <c>host.json</c>: <c>base64</c> or <c>none</c>.</summary>
    public string MessageEncodingName => MessageEncoding == AzureQueueMessageEncoding.None ? "none" : "base64";

    /// <summary>
    /// The longest wait between two polls of an empty queue (<c>max_polling_interval</c>, the host's
    /// <c>maxPollingInterval</c>); the wait doubles from 100 ms while the queue stays empty.
    /// <value>The default value is 1 minute, the Functions host's default.</value>
    /// </summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
}

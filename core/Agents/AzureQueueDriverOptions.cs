namespace Switchyard.Core.Agents;

/// <summary>
/// The <c>async/azure-queue</c> namespace: an agent fed by an Azure Storage queue through the Azure Functions host's
/// <c>queueTrigger</c>. Only the Functions host runs it; standalone, the agent is reported and skipped.
/// </summary>
public sealed record AzureQueueDriverOptions
{
    /// <summary>The queue name. Required.</summary>
    public string Queue { get; init; } = "";

    /// <summary>The app-setting name (or identity prefix) of the storage connection. <value>The default value is <c>AzureWebJobsStorage</c>.</value></summary>
    public string Connection { get; init; } = "AzureWebJobsStorage";
}

using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>async/azure-queue</c> namespace of an agent: the Storage queue and the connection setting. A missing
/// queue stays empty so the validator reports it as required.
/// </summary>
internal static class AzureQueueDriverOptionsParser
{
    public const string Namespace = NamespaceAliases.AsyncAzureQueue;

    /// <returns>The options, or null when the namespace is missing or not an object.</returns>
    public static AzureQueueDriverOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new AzureQueueDriverOptions { Queue = reader.String("queue") ?? "" };
        var connection = reader.String("connection");
        reader.ReportUnknownKeys();
        return connection is null ? options : options with { Connection = connection };
    }
}

using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>async/memory</c> namespace of an agent: the queue of the embedded broker. An empty or missing
/// <c>name</c> is the agent's name, so agents need nothing but the namespace to get a queue of their own.
/// </summary>
internal static class MemoryDriverOptionsParser
{
    public const string Namespace = NamespaceAliases.AsyncMemory;

    /// <returns>The options, or null when the namespace is missing or not an object.</returns>
    public static MemoryDriverOptions? Parse(ExtraConfigSection extraConfig, string agentName, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var name = reader.String("name");
        var exchange = reader.String("exchange");
        reader.ReportUnknownKeys();
        return new MemoryDriverOptions
        {
            Name = string.IsNullOrEmpty(name) ? agentName : name,
            Exchange = string.IsNullOrEmpty(exchange) ? new MemoryDriverOptions().Exchange : exchange,
        };
    }
}

using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>async/servicebus</c> namespace of an agent: a queue, or a topic and its subscription, and the
/// connection setting. Which of them must be set is the validator's business; missing values stay null.
/// </summary>
internal static class ServiceBusDriverOptionsParser
{
    public const string Namespace = NamespaceAliases.AsyncServiceBus;

    /// <returns>The options, or null when the namespace is missing or not an object.</returns>
    public static ServiceBusDriverOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new ServiceBusDriverOptions
        {
            Queue = reader.String("queue"),
            Topic = reader.String("topic"),
            Subscription = reader.String("subscription"),
        };
        var connection = reader.String("connection");
        reader.ReportUnknownKeys();
        return connection is null ? options : options with { Connection = connection };
    }
}

using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>async/azure-queue</c> namespace of an agent: the Storage queue, the connection setting, the message
/// encoding (<c>base64</c> or <c>none</c>, as the host's <c>messageEncoding</c>) and the longest polling interval. A
/// missing queue stays empty so the validator reports it as required.
/// </summary>
internal static class AzureQueueDriverOptionsParser
{
    public const string Namespace = NamespaceAliases.AsyncAzureQueue;

    private const string EncodingKey = "message_encoding";
    private const string PollingKey = "max_polling_interval";

    /// <returns>The options, or null when the namespace is missing or not an object.</returns>
    public static AzureQueueDriverOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new AzureQueueDriverOptions { Queue = reader.String("queue") ?? "" };
        if (reader.String("connection") is { } connection)
        {
            options = options with { Connection = connection };
        }

        var encoding = reader.String(EncodingKey);
        if (string.Equals(encoding, "none", StringComparison.OrdinalIgnoreCase))
        {
            options = options with { MessageEncoding = AzureQueueMessageEncoding.None };
        }
        else if (encoding is not null && !string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            problems.Error(reader.PathOf(EncodingKey), $"must be 'base64' or 'none', got '{encoding}'");
        }

        if (reader.Duration(PollingKey) is { } polling)
        {
            if (polling > TimeSpan.Zero)
            {
                options = options with { MaxPollingInterval = polling };
            }
            else
            {
                problems.Error(reader.PathOf(PollingKey), "must be a positive duration");
            }
        }

        reader.ReportUnknownKeys();
        return options;
    }

    /// <summary>True when the agent uses this namespace (its defaults then apply to the consumer too).</summary>
    public static bool IsUsedBy(ExtraConfigSection extraConfig) => extraConfig.Raw.ContainsKey(Namespace);
}

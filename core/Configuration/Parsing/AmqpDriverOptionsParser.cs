using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>async/amqp</c> namespace of an agent (or its old name, <c>github.com/devopsfaith/krakend-amqp/agent</c>).
/// Missing strings stay empty so the validator reports them as required.
/// </summary>
internal static class AmqpDriverOptionsParser
{
    /// <returns>The options, or null when the namespace is missing or not an object.</returns>
    public static AmqpDriverOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.AsyncAmqp, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new AmqpDriverOptions
        {
            Host = reader.String("host") ?? "",
            Name = reader.String("name") ?? "",
            Exchange = reader.String("exchange") ?? "",
            Durable = reader.Bool("durable"),
            Delete = reader.Bool("delete"),
            Exclusive = reader.Bool("exclusive"),
            NoWait = reader.Bool("no_wait"),
            AutoAck = reader.Bool("auto_ack"),
            NoLocal = reader.Bool("no_local"),
            NackDiscard = reader.Bool("nack_discard"),
            PrefetchCount = reader.Int("prefetch_count") ?? 0,
            PrefetchSize = reader.Int("prefetch_size") ?? 0,
        };

        reader.ReportUnknownKeys();
        return options;
    }
}

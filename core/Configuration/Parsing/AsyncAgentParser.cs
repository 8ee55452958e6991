using System.Globalization;
using System.Text.Json;
using Switchyard.Core.Configuration.Namespaces;
using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the root <c>async_agent</c> array. Each agent's pipe is built as KrakenD builds it: an endpoint named after
/// the agent, with the consumer timeout, the agent's backends (read by <see cref="BackendParser"/>, workflows included)
/// and its whole <c>extra_config</c>, so the endpoint namespaces (proxy, policies, CEL) apply to it. The pipe is left
/// uncascaded here, like any endpoint.
/// </summary>
internal static class AsyncAgentParser
{
    public const string Key = "async_agent";

    /// <summary>Prefix of a pipe's <c>endpoint</c>: a name for logs, never a route.</summary>
    public const string PipePrefix = "/__agent/";

    /// <summary>The agents of the root object, in file order; items that are not objects are reported and skipped.</summary>
    public static List<AsyncAgentConfig> ReadAll(JsonObjectReader root)
    {
        var agents = new List<AsyncAgentConfig>();
        if (!root.TryGet(Key, out var element))
        {
            return agents;
        }

        var path = root.PathOf(Key);
        if (element.ValueKind != JsonValueKind.Array)
        {
            root.Problems.Error(path, "expected an array of agents, got " + JsonValueText.Describe(element));
            return agents;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var agent = Parse(item, index, JsonPaths.Index(path, index), root.Problems);
            if (agent is not null)
            {
                agents.Add(agent);
            }

            index++;
        }

        return agents;
    }

    /// <summary>The name of the agent at <paramref name="index"/> when the file gives none: <c>AsyncAgent-00</c>.</summary>
    public static string DefaultName(int index) => "AsyncAgent-" + index.ToString("00", CultureInfo.InvariantCulture);

    private static AsyncAgentConfig? Parse(JsonElement element, int index, string path, ConfigProblems problems)
    {
        var reader = JsonObjectReader.Open(element, path, problems);
        if (reader is null)
        {
            return null;
        }

        var name = reader.String("name") is { Length: > 0 } given ? given : DefaultName(index);
        var extraConfig = ExtraConfigSection.Read(reader, Placement.Agent);
        var consumer = AgentConsumerOptionsParser.Parse(
            reader,
            AzureQueueDriverOptionsParser.IsUsedBy(extraConfig) ? AzureQueueDriverOptions.DefaultMaxDeliveries : 0);
        var pipe = new EndpointConfig
        {
            Endpoint = PipePrefix + name,
            Method = "",
            Backends = EndpointParser.ReadBackends(reader),
            Timeout = consumer.Timeout,
            // The message's own headers (id, routing key...) are the request's only headers: nothing to filter out.
            InputHeaders = ["*"],
            Proxy = EndpointProxyOptionsParser.Parse(extraConfig, problems),
            Policies = SecurityPoliciesParser.Parse(extraConfig, problems, Placement.Agent),
            CelChecks = CelChecksParser.Parse(extraConfig, problems),
            JsonSchema = JsonSchemaParser.Parse(extraConfig, problems),
            IsDurable = DurableOptionsParser.OptsIn(extraConfig, problems),
            Hedging = HedgingOptionsParser.Parse(extraConfig, problems),
            ExtraConfig = extraConfig.Raw,
            JsonPath = path,
        };

        var agent = new AsyncAgentConfig
        {
            Name = name,
            Connection = AgentConnectionOptionsParser.Parse(reader),
            Consumer = consumer,
            Pipe = pipe,
            Amqp = AmqpDriverOptionsParser.Parse(extraConfig, problems),
            Memory = MemoryDriverOptionsParser.Parse(extraConfig, name, problems),
            ServiceBus = ServiceBusDriverOptionsParser.Parse(extraConfig, problems),
            AzureQueue = AzureQueueDriverOptionsParser.Parse(extraConfig, problems),
            ExtraConfig = extraConfig.Raw,
            JsonPath = path,
        };

        // Read and unused, as in KrakenD: each backend's own `encoding` decodes its answer.
        _ = reader.String("encoding");
        reader.ReportUnknownKeys();
        return agent;
    }
}

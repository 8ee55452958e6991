using System.Text.Json;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads one endpoint object, wherever it is: a published endpoint or the nested endpoint of a workflow.
/// Fields left out stay empty or zero so the cascade can fill them.
/// </summary>
internal static class EndpointParser
{
    private const string BackendKey = "backend";

    /// <param name="element">The endpoint object.</param>
    /// <param name="path">Its JSON path, such as <c>endpoints[2]</c>.</param>
    /// <param name="problems">Where errors and warnings go.</param>
    /// <param name="placement">A published endpoint, or a workflow.</param>
    /// <param name="callerKeys">
    /// Keys the caller reads itself and that must not be reported as unsupported (a workflow's
    /// <c>ignore_errors</c>).
    /// </param>
    /// <returns>The endpoint, or null when <paramref name="element"/> is not an object.</returns>
    public static EndpointConfig? Parse(
        JsonElement element,
        string path,
        ConfigProblems problems,
        Placement placement = Placement.Endpoint,
        IReadOnlyCollection<string>? callerKeys = null)
    {
        var reader = JsonObjectReader.Open(element, path, problems);
        if (reader is null)
        {
            return null;
        }

        var extraConfig = ExtraConfigSection.Read(reader, placement);
        var published = placement == Placement.Endpoint;
        var endpoint = new EndpointConfig
        {
            Endpoint = reader.String("endpoint") ?? "",
            Method = reader.String("method") ?? "",
            Backends = ReadBackends(reader),
            Timeout = reader.Duration("timeout") ?? TimeSpan.Zero,
            CacheTtl = reader.Duration("cache_ttl") ?? TimeSpan.Zero,
            ConcurrentCalls = reader.Int("concurrent_calls") ?? 0,
            Hedging = HedgingOptionsParser.Parse(extraConfig, problems),
            OutputEncoding = reader.String("output_encoding") ?? "",
            InputHeaders = reader.Strings("input_headers"),
            InputQueryStrings = reader.Strings("input_query_strings"),
            Proxy = EndpointProxyOptionsParser.Parse(extraConfig, problems),
            Policies = SecurityPoliciesParser.Parse(extraConfig, problems, placement),
            CelChecks = CelChecksParser.Parse(extraConfig, problems),
            IsDurable = DurableOptionsParser.OptsIn(extraConfig, problems),

            // Elsewhere (a workflow) the namespaces were already refused by the catalog: there is no client request there.
            BotDetector = published ? BotDetectorOptionsParser.Parse(extraConfig, problems) : null,
            JwtValidator = published ? JwtValidatorOptionsParser.Parse(extraConfig, problems) : null,
            JwtSigner = published ? JwtSignerOptionsParser.Parse(extraConfig, problems) : null,
            JsonSchema = published ? JsonSchemaParser.Parse(extraConfig, problems) : null,
            RateLimit = published ? RouterRateLimitOptionsParser.Parse(extraConfig, problems) : null,
            TelemetryProxy = published ? OpenTelemetryOptionsParser.Endpoint(extraConfig, problems) : null,
            ExtraConfig = extraConfig.Raw,
            JsonPath = path,
        };

        foreach (var key in callerKeys ?? [])
        {
            reader.TryGet(key, out _);
        }

        reader.ReportUnknownKeys();
        return endpoint;
    }

    /// <summary>The <c>backend</c> array of <paramref name="reader"/>'s object: an endpoint, a workflow or an async agent.</summary>
    public static List<BackendConfig> ReadBackends(JsonObjectReader reader)
    {
        var backends = new List<BackendConfig>();
        if (!reader.TryGet(BackendKey, out var element))
        {
            return backends;
        }

        var path = reader.PathOf(BackendKey);
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, "expected an array of backends, got " + JsonValueText.Describe(element));
            return backends;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var backend = BackendParser.Parse(item, JsonPaths.Index(path, index++), reader.Problems);
            if (backend is not null)
            {
                backends.Add(backend);
            }
        }

        return backends;
    }
}

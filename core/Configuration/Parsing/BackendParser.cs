using System.Text.Json;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads one backend object. Fields left out stay empty (no host, no method, no encoding) so the cascade
/// can tell them from values written in the file. A <c>workflow</c> namespace opens a nested endpoint, read
/// recursively, so workflows nest to any depth.
/// </summary>
internal static class BackendParser
{
    public static BackendConfig? Parse(JsonElement element, string path, ConfigProblems problems)
    {
        var reader = JsonObjectReader.Open(element, path, problems);
        if (reader is null)
        {
            return null;
        }

        var extraConfig = ExtraConfigSection.Read(reader, Placement.Backend);
        var backend = new BackendConfig
        {
            Host = reader.Strings("host"),
            UrlPattern = reader.String("url_pattern") ?? "",
            Method = reader.String("method") ?? "",
            Encoding = reader.String("encoding") ?? "",
            Group = NullIfEmpty(reader.String("group")),
            Target = NullIfEmpty(reader.String("target")),
            Allow = reader.Strings("allow"),
            Deny = reader.Strings("deny"),
            Mapping = reader.StringMap("mapping"),
            IsCollection = reader.Bool("is_collection"),
            Sd = NullIfEmpty(reader.String("sd")) ?? "static",
            DisableHostSanitize = reader.Bool("disable_host_sanitize"),
            InputHeaders = reader.Strings("input_headers"),
            InputQueryStrings = reader.Strings("input_query_strings"),
            Proxy = BackendProxyOptionsParser.Parse(extraConfig, problems),
            Http = BackendHttpOptionsParser.Parse(extraConfig, problems),
            Workflow = WorkflowParser.Parse(extraConfig, problems),
            Policies = SecurityPoliciesParser.Parse(extraConfig, problems, Placement.Backend),
            CelChecks = CelChecksParser.Parse(extraConfig, problems),
            CircuitBreaker = CircuitBreakerOptionsParser.Parse(extraConfig, problems),
            Martian = MartianParser.Parse(extraConfig, problems),
            RateLimit = ProxyRateLimitOptionsParser.Parse(extraConfig, problems),
            Durable = DurableOptionsParser.Step(extraConfig, problems),
            HttpCache = HttpCacheOptionsParser.Parse(extraConfig, problems),
            ClientCredentials = ClientCredentialsOptionsParser.Parse(extraConfig, problems),
            TelemetryBackend = OpenTelemetryOptionsParser.Backend(extraConfig, problems),
            ExtraConfig = extraConfig.Raw,
            JsonPath = path,
        };

        // Only meaningful with DNS service discovery, which is rejected; read so it is not reported as unknown.
        _ = reader.String("sd_scheme");
        reader.ReportUnknownKeys();
        return backend;
    }

    // An empty group or target means none, as in lura.
    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

using System.Text.Json;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the root object. Fields left out stay zero or empty (port 0, timeout 0, no output encoding) so
/// the cascade applies the defaults exactly where lura does.
/// </summary>
internal static class ServiceParser
{
    private const string EndpointsKey = "endpoints";

    public static ServiceConfig? Parse(JsonElement root, ConfigProblems problems)
    {
        var reader = JsonObjectReader.Open(root, "", problems);
        if (reader is null)
        {
            return null;
        }

        var extraConfig = ExtraConfigSection.Read(reader, Placement.Service);

        // The service name labels logs and dashboards in KrakenD; here it is also the default telemetry service name.
        var name = reader.String("name");
        var service = new ServiceConfig
        {
            Name = name ?? "",
            Version = reader.Int("version") ?? 0,
            Port = reader.Int("port") ?? 0,
            ListenIp = reader.String("listen_ip") ?? "",
            Host = reader.Strings("host"),
            Timeout = reader.Duration("timeout") ?? TimeSpan.Zero,
            CacheTtl = reader.Duration("cache_ttl") ?? TimeSpan.Zero,
            OutputEncoding = reader.String("output_encoding") ?? "",
            DebugEndpoint = reader.Bool("debug_endpoint"),
            EchoEndpoint = reader.Bool("echo_endpoint"),
            Endpoints = ReadEndpoints(reader),
            AsyncAgents = AsyncAgentParser.ReadAll(reader),
            Router = RouterOptionsParser.Parse(extraConfig, problems),
            Cors = CorsOptionsParser.Parse(extraConfig, problems),
            HttpSecurity = HttpSecurityOptionsParser.Parse(extraConfig, problems),
            BotDetector = BotDetectorOptionsParser.Parse(extraConfig, problems),
            Tls = ServerTlsParser.Parse(reader),
            ClientTls = ClientTlsParser.Parse(reader),
            Server = ConnectionLimitsParser.Server(reader),
            Transport = ConnectionLimitsParser.Transport(reader),
            JwtValidator = JwtValidatorOptionsParser.ParseService(extraConfig, problems),
            Durable = DurableOptionsParser.Engine(extraConfig, problems),
            OpenTelemetry = OpenTelemetryOptionsParser.Service(extraConfig, name, problems),
            Logging = LoggingOptionsParser.Parse(extraConfig, problems),
            ExtraConfig = extraConfig.Raw,
        };

        UnservedKeys.Report(reader, UnservedKeys.Root);
        reader.ReportUnknownKeys();
        return service;
    }

    private static List<EndpointConfig> ReadEndpoints(JsonObjectReader reader)
    {
        var endpoints = new List<EndpointConfig>();
        if (!reader.TryGet(EndpointsKey, out var element))
        {
            return endpoints;
        }

        var path = reader.PathOf(EndpointsKey);
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, "expected an array of endpoints, got " + JsonValueText.Describe(element));
            return endpoints;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var endpoint = EndpointParser.Parse(item, JsonPaths.Index(path, index++), reader.Problems);
            if (endpoint is not null)
            {
                endpoints.Add(endpoint);
            }
        }

        return endpoints;
    }
}

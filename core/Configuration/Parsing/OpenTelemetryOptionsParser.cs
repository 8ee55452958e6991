using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads <c>telemetry/opentelemetry</c>: the service's whole namespace, an endpoint's <c>proxy</c> override and a
/// backend's <c>backend</c> override. A key Switchyard does not read is an error: the operator would miss what it asks
/// for without knowing.
/// </summary>
internal static class OpenTelemetryOptionsParser
{
    private const string Namespace = NamespaceAliases.TelemetryOpenTelemetry;

    private const string DefaultServiceName = "Switchyard";

    /// <summary>Why a key nobody reads is refused inside the namespace.</summary>
    public const string UnknownKeyReason = "Switchyard would not export what it asks for";

    /// <summary>The service's namespace, or null when it is absent (nothing is exported).</summary>
    /// <param name="extraConfig">The root's <c>extra_config</c>.</param>
    /// <param name="rootName">The root <c>name</c>, the default <c>service_name</c>.</param>
    /// <param name="problems">Where errors go.</param>
    public static OpenTelemetryOptions? Service(ExtraConfigSection extraConfig, string? rootName, ConfigProblems problems)
    {
        var reader = Open(extraConfig, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new OpenTelemetryOptions
        {
            ServiceName = reader.String("service_name") is { Length: > 0 } name ? name
                : string.IsNullOrEmpty(rootName) ? DefaultServiceName : rootName,
            ServiceVersion = reader.String("service_version"),
            DeployEnv = reader.String("deploy_env"),
            TraceSampleRate = SampleRate(reader) ?? 1,
            MetricReportingPeriod = Seconds(reader, "metric_reporting_period") ?? TimeSpan.FromSeconds(30),
            SkipPaths = SkipPaths(reader),
        };

        if (reader.Object("exporters") is { } exporters)
        {
            options = options with
            {
                Otlp = TelemetryExportersParser.Otlp(exporters),
                Prometheus = TelemetryExportersParser.Prometheus(exporters),
            };
            exporters.ReportUnknownKeys();
        }

        if (reader.Object("layers") is { } layers)
        {
            options = options with
            {
                Global = layers.Object("global") is { } global ? TelemetryLayersParser.Global(global) : new(),
                Proxy = layers.Object("proxy") is { } proxy ? TelemetryLayersParser.Proxy(proxy) : new(),
                Backend = layers.Object("backend") is { } backend ? TelemetryLayersParser.Backend(backend) : new(),
            };
            layers.ReportUnknownKeys();
        }

        reader.ReportUnknownKeys();
        return options;
    }

    /// <summary>An endpoint's own <c>proxy</c> layer, or null when it has none.</summary>
    public static ProxyLayerOptions? Endpoint(ExtraConfigSection extraConfig, ConfigProblems problems) =>
        Override(extraConfig, problems, "proxy", TelemetryLayersParser.Proxy);

    /// <summary>A backend's own <c>backend</c> layer, or null when it has none.</summary>
    public static BackendLayerOptions? Backend(ExtraConfigSection extraConfig, ConfigProblems problems) =>
        Override(extraConfig, problems, "backend", TelemetryLayersParser.Backend);

    private static T? Override<T>(ExtraConfigSection extraConfig, ConfigProblems problems, string key, Func<JsonObjectReader, T> parse)
        where T : class
    {
        var reader = Open(extraConfig, problems);
        if (reader is null)
        {
            return null;
        }

        var layer = reader.Object(key) is { } inner ? parse(inner) : null;
        reader.ReportUnknownKeys();
        return layer;
    }

    private static JsonObjectReader? Open(ExtraConfigSection extraConfig, ConfigProblems problems) =>
        extraConfig.TryGet(Namespace, out var element, out var path)
            ? JsonObjectReader.OpenStrict(element, path, problems, UnknownKeyReason)
            : null;

    private static double? SampleRate(JsonObjectReader reader)
    {
        var rate = reader.Number("trace_sample_rate");
        if (rate is < 0 or > 1)
        {
            reader.Problems.Error(reader.PathOf("trace_sample_rate"), $"expected a share between 0 and 1, got {rate}");
            return null;
        }

        return rate;
    }

    /// <summary>A whole number of seconds, at least 1 (KrakenD reads an integer).</summary>
    public static TimeSpan? Seconds(JsonObjectReader reader, string key)
    {
        var seconds = reader.Int(key);
        if (seconds is < 1)
        {
            reader.Problems.Error(reader.PathOf(key), $"expected a whole number of seconds of at least 1, got {seconds}");
            return null;
        }

        return seconds is null ? null : TimeSpan.FromSeconds(seconds.Value);
    }

    // As KrakenD: absent keeps the defaults, an empty string is dropped, so [""] clears them.
    private static IReadOnlyList<string> SkipPaths(JsonObjectReader reader) =>
        reader.TryGet("skip_paths", out _)
            ? [.. reader.Strings("skip_paths").Where(path => path.Length > 0)]
            : OpenTelemetryOptions.DefaultSkipPaths;
}

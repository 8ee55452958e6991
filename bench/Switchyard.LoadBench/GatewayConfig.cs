namespace Switchyard.LoadBench;

/// <summary>
/// The gateway configurations under test: one endpoint per scenario, all on the plain backend, and the
/// concurrent-calls endpoints on the heavy-tail backend; or, for the hedging experiment, its endpoints alone.
/// </summary>
internal static class GatewayConfig
{
    public const string PassNoOp = "/pass/noop";
    public const string PassJson = "/pass/json";
    public const string Aggregate = "/aggregate";
    public const string Chain = "/chain/7";
    public const string Workflow = "/workflow/7";

    public static string ConcurrentCalls(int calls) => $"/cc{calls}";

    /// <param name="backendPort">The plain backend.</param>
    /// <param name="heavyTailPort">The heavy-tail backend, whose <c>/slow</c> the <c>/ccN</c> endpoints race.</param>
    public static string Json(int backendPort, int heavyTailPort) => $$"""
        {
          "version": 3,
          "listen_ip": "127.0.0.1",
          "timeout": "10s",
          "host": ["http://127.0.0.1:{{backendPort}}"],
          "endpoints": [
            {"endpoint": "{{PassNoOp}}", "output_encoding": "no-op",
             "backend": [{"url_pattern": "/a", "encoding": "no-op"}]},
            {"endpoint": "{{PassJson}}", "backend": [{"url_pattern": "/a"}]},
            {"endpoint": "{{Aggregate}}", "backend": [
              {"url_pattern": "/a", "group": "a"},
              {"url_pattern": "/b", "group": "b"},
              {"url_pattern": "/c", "group": "c"}]},
            {"endpoint": "/chain/{id}", "extra_config": {"proxy": {"sequential": true} }, "backend": [
              {"url_pattern": "/user/{id}"},
              {"url_pattern": "/account/{resp0_user.id}", "group": "account"}]},
            {"endpoint": "/workflow/{id}", "extra_config": {"proxy": {"sequential": true} }, "backend": [
              {"url_pattern": "/user/{id}", "group": "profile"},
              {"url_pattern": "/__workflow/{id}/{resp0_profile.user.id}", "group": "level2",
               "extra_config": {"workflow": {"endpoint": "/level2/{id}/{resp0_profile.user.id}", "backend": [
                 {"url_pattern": "/audit", "group": "audit"},
                 {"url_pattern": "/__workflow/{id}/{resp0_profile.user.id}", "group": "level3",
                  "extra_config": {"workflow": {"endpoint": "/level3/{id}/{resp0_profile.user.id}",
                    "extra_config": {"proxy": {"sequential": true} },
                    "backend": [
                      {"url_pattern": "/account/{id}/{resp0_profile.user.id}"},
                      {"url_pattern": "/ledger/{resp0_account}"}]} } }]} } }]},
            {{ConcurrentCallsEndpoint(1, heavyTailPort)}},
            {{ConcurrentCallsEndpoint(2, heavyTailPort)}},
            {{ConcurrentCallsEndpoint(3, heavyTailPort)}}
          ]
        }
        """;

    /// <summary>The hedging experiment's gateway: one endpoint per <see cref="HedgingVariant"/> on the heavy-tail backend.</summary>
    public static string HedgingJson(int heavyTailPort, IEnumerable<HedgingVariant> variants) => $$"""
        {
          "version": 3,
          "listen_ip": "127.0.0.1",
          "timeout": "10s",
          "endpoints": [
            {{string.Join(",\n    ", variants.Select(variant => HeavyTailEndpoint(variant.Path, variant.EndpointKeys, heavyTailPort)))}}
          ]
        }
        """;

    /// <summary>
    /// The telemetry experiment's gateway: the json pass-through alone, without telemetry, or with
    /// <paramref name="telemetry"/> as its <c>telemetry/opentelemetry</c> namespace.
    /// </summary>
    public static string TelemetryJson(int backendPort, string? telemetry) => $$"""
        {
          "version": 3,
          "listen_ip": "127.0.0.1",
          "timeout": "10s",
          "host": ["http://127.0.0.1:{{backendPort}}"],
          {{TelemetryExtraConfig(telemetry)}}
          "endpoints": [{"endpoint": "{{PassJson}}", "backend": [{"url_pattern": "/a"}]}]
        }
        """;

    /// <summary>
    /// Every span sampled and exported over OTLP/HTTP to <paramref name="sinkPort"/>, metrics pushed there every second:
    /// one collector for both signals, as a gateway is usually watched.
    /// </summary>
    public static string EverySpanExported(int sinkPort) => $$"""
        {"service_name": "switchyard-bench", "trace_sample_rate": 1, "metric_reporting_period": 1,
         "exporters": {"otlp": [{{SinkExporter(sinkPort)}}]} }
        """;

    /// <summary>
    /// <see cref="EverySpanExported"/>, and the metrics served to Prometheus on <paramref name="prometheusPort"/> too: a
    /// second metrics pipeline, each measurement aggregated once for each.
    /// </summary>
    public static string EverySpanExportedAndScraped(int sinkPort, int prometheusPort) => $$"""
        {"service_name": "switchyard-bench", "trace_sample_rate": 1, "metric_reporting_period": 1,
         "exporters": {"otlp": [{{SinkExporter(sinkPort)}}],
                       "prometheus": [{"name": "scrape", "host": "127.0.0.1", "port": {{prometheusPort}} }] } }
        """;

    private static string SinkExporter(int sinkPort) => $$"""
        {"name": "sink", "host": "127.0.0.1", "port": {{sinkPort}}, "use_http": true}
        """;

    private static string TelemetryExtraConfig(string? telemetry) =>
        telemetry is null ? "" : $$"""
            "extra_config": {"telemetry/opentelemetry": {{telemetry}} },
            """;

    private static string ConcurrentCallsEndpoint(int calls, int heavyTailPort) =>
        HeavyTailEndpoint(ConcurrentCalls(calls), $"\"concurrent_calls\": {calls}", heavyTailPort);

    private static string HeavyTailEndpoint(string path, string keys, int heavyTailPort) => $$"""
        {"endpoint": "{{path}}", {{keys}},
             "backend": [{"host": ["http://127.0.0.1:{{heavyTailPort}}"], "url_pattern": "/slow"}]}
        """;
}

using Switchyard.Core.Telemetry.OpenTelemetry;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class OpenTelemetryOptionsParserTests
{
    private const string NamespacePath = "extra_config.telemetry/opentelemetry";

    private static string ServiceWith(string telemetry, string rootKeys = "") =>
        $$$"""{"version": 3 {{{rootKeys}}}, "extra_config": {"telemetry/opentelemetry": {{{telemetry}}}}}""";

    [Fact]
    public void Without_the_namespace_nothing_is_exported()
    {
        LoadValid("""{"version": 3}""").OpenTelemetry.Should().BeNull();
    }

    [Fact]
    public void An_empty_namespace_takes_every_default()
    {
        var options = LoadValid(ServiceWith("{}")).OpenTelemetry!;

        options.Should().BeEquivalentTo(new OpenTelemetryOptions());
        options.ServiceName.Should().Be("Switchyard");
        options.TraceSampleRate.Should().Be(1);
        options.MetricReportingPeriod.Should().Be(TimeSpan.FromSeconds(30));
        options.SkipPaths.Should().Equal("/__health", "/__debug/", "/__echo/", "/__stats/");
        options.Backend.Metrics.Should().BeEquivalentTo(BackendSignalOptions.AllOn);
        options.Backend.Traces.Should().BeEquivalentTo(BackendSignalOptions.AllOn);
    }

    [Fact]
    public void The_service_name_defaults_to_the_root_name()
    {
        LoadValid(ServiceWith("{}", """, "name": "orders gateway" """)).OpenTelemetry!.ServiceName.Should().Be("orders gateway");
        LoadValid(ServiceWith("""{"service_name": "api"}""", """, "name": "orders gateway" """)).OpenTelemetry!.ServiceName
            .Should().Be("api");
    }

    [Fact]
    public void Every_service_field_is_read()
    {
        var options = LoadValid(ServiceWith("""
            {"service_name": "api", "service_version": "1.2.3", "deploy_env": "prod", "trace_sample_rate": 0.25,
             "metric_reporting_period": 5, "skip_paths": ["/private", ""],
             "exporters": {
               "otlp": [{"name": "collector", "host": "otel", "port": 4318, "use_http": true, "disable_metrics": true,
                         "custom_metric_reporting_period": 2},
                        {"name": "traces-only", "disable_traces": true}],
               "prometheus": [{"name": "local", "host": "127.0.0.1", "port": 9100, "process_metrics": true, "go_metrics": true},
                              {"name": "off", "disable_metrics": true}]},
             "layers": {
               "global": {"disable_metrics": true, "disable_traces": true, "disable_propagation": true, "report_headers": true,
                          "skip_headers": ["X-Secret"], "metrics_static_attributes": [{"key": "region", "value": "eu"}],
                          "traces_static_attributes": [{"key": "team", "value": "a"}], "semantic_convention": "1.27"},
               "proxy": {"disable_metrics": true, "disable_traces": true, "report_headers": true, "skip_headers": ["X-B"],
                         "metrics_static_attributes": [{"key": "m", "value": "1"}], "traces_static_attributes": [{"key": "t", "value": "2"}]},
               "backend": {"metrics": {"round_trip": true, "static_attributes": [{"key": "b", "value": "3"}]},
                           "traces": {"disable_stage": true, "read_payload": true, "detailed_connection": true,
                                      "report_headers": true, "skip_headers": ["X-C"]}}}}
            """)).OpenTelemetry!;

        options.Should().BeEquivalentTo(new OpenTelemetryOptions
        {
            ServiceName = "api",
            ServiceVersion = "1.2.3",
            DeployEnv = "prod",
            TraceSampleRate = 0.25,
            MetricReportingPeriod = TimeSpan.FromSeconds(5),
            SkipPaths = ["/private"],
            Otlp =
            [
                new OtlpExporterOptions
                {
                    Name = "collector", Host = "otel", Port = 4318, UseHttp = true, DisableMetrics = true,
                    CustomMetricReportingPeriod = TimeSpan.FromSeconds(2),
                },
                new OtlpExporterOptions { Name = "traces-only", Host = "localhost", Port = 4317, DisableTraces = true },
            ],
            Prometheus =
            [
                new PrometheusExporterOptions { Name = "local", Host = "127.0.0.1", Port = 9100, ProcessMetrics = true, RuntimeMetrics = true },
                new PrometheusExporterOptions { Name = "off", Host = "", Port = 9090, DisableMetrics = true },
            ],
            Global = new GlobalLayerOptions
            {
                DisableMetrics = true,
                DisableTraces = true,
                DisablePropagation = true,
                ReportHeaders = true,
                SkipHeaders = ["X-Secret"],
                MetricsStaticAttributes = [new("region", "eu")],
                TracesStaticAttributes = [new("team", "a")],
                SemanticConvention = "1.27",
            },
            Proxy = new ProxyLayerOptions
            {
                DisableMetrics = true,
                DisableTraces = true,
                ReportHeaders = true,
                SkipHeaders = ["X-B"],
                MetricsStaticAttributes = [new("m", "1")],
                TracesStaticAttributes = [new("t", "2")],
            },
            Backend = new BackendLayerOptions
            {
                // A present object leaves the flags it does not name off.
                Metrics = new BackendSignalOptions { RoundTrip = true, StaticAttributes = [new("b", "3")] },
                Traces = new BackendSignalOptions
                {
                    DisableStage = true, ReadPayload = true, DetailedConnection = true, ReportHeaders = true, SkipHeaders = ["X-C"],
                },
            },
        });
    }

    [Fact]
    public void An_absent_backend_signal_object_switches_every_flag_on()
    {
        var backend = LoadValid(ServiceWith("""{"layers": {"backend": {"metrics": {}}}}""")).OpenTelemetry!.Backend;

        backend.Metrics.Should().BeEquivalentTo(new BackendSignalOptions());
        backend.Traces.Should().BeEquivalentTo(BackendSignalOptions.AllOn);
    }

    [Fact]
    public void An_empty_skip_path_list_item_clears_the_defaults()
    {
        LoadValid(ServiceWith("""{"skip_paths": [""]}""")).OpenTelemetry!.SkipPaths.Should().BeEmpty();
    }

    [Fact]
    public void The_endpoint_and_backend_overrides_are_read()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "backend": [{"url_pattern": "/b",
               "extra_config": {"telemetry/opentelemetry": {"backend": {"traces": {"round_trip": true}}}}}],
             "extra_config": {"telemetry/opentelemetry": {"proxy": {"disable_traces": true}}}}
            """, """{"endpoint": "/f", "backend": [{"url_pattern": "/b"}]}"""));

        config.Endpoints[0].TelemetryProxy.Should().BeEquivalentTo(new ProxyLayerOptions { DisableTraces = true });
        config.Endpoints[0].Backends[0].TelemetryBackend.Should().BeEquivalentTo(new BackendLayerOptions
        {
            Metrics = BackendSignalOptions.AllOn,
            Traces = new BackendSignalOptions { RoundTrip = true },
        });
        config.Endpoints[1].TelemetryProxy.Should().BeNull();
        config.Endpoints[1].Backends[0].TelemetryBackend.Should().BeNull();
    }

    [Fact]
    public void An_override_holds_only_its_own_layer()
    {
        LoadErrors(Service("""
            {"endpoint": "/e", "backend": [{"url_pattern": "/b",
               "extra_config": {"telemetry/opentelemetry": {"proxy": {}}}}],
             "extra_config": {"telemetry/opentelemetry": {"proxy": {}, "service_name": "x"}}}
            """)).Should().BeEquivalentTo(
            "endpoints[0].extra_config.telemetry/opentelemetry.service_name: unknown key 'service_name': refused, because Switchyard would not export what it asks for",
            "endpoints[0].backend[0].extra_config.telemetry/opentelemetry.proxy: unknown key 'proxy': refused, because Switchyard would not export what it asks for");
    }

    [Theory]
    [InlineData("""{"trace_sample_rate": 1.5}""", ".trace_sample_rate: expected a share between 0 and 1, got 1.5")]
    [InlineData("""{"trace_sample_rate": -0.1}""", ".trace_sample_rate: expected a share between 0 and 1, got -0.1")]
    [InlineData("""{"metric_reporting_period": 0}""", ".metric_reporting_period: expected a whole number of seconds of at least 1, got 0")]
    [InlineData("""{"metric_reporting_period": "30s"}""", ".metric_reporting_period: expected an integer, got string \"30s\"")]
    [InlineData("""{"exporters": {"otlp": [{"name": "a", "port": 70000}]}}""", ".exporters.otlp[0].port: port must be between 1 and 65535, got 70000")]
    [InlineData("""{"exporters": {"otlp": [{"name": "a", "custom_metric_reporting_period": -1}]}}""", ".exporters.otlp[0].custom_metric_reporting_period: expected a whole number of seconds of at least 1, got -1")]
    [InlineData("""{"exporters": {"otlp": [{"port": 4317}]}}""", ".exporters.otlp[0].name: 'name' is required: it tells the exporters apart")]
    [InlineData("""{"exporters": {"otlp": [{"name": "a", "headers": {}}]}}""", ".exporters.otlp[0].headers: unknown key 'headers': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"exporters": {"prometheus": [{"name": "p", "port": 0}]}}""", ".exporters.prometheus[0].port: port must be between 1 and 65535, got 0")]
    [InlineData("""{"exporters": {"prometheus": [{"name": "p", "listen_ip": "0.0.0.0"}]}}""", ".exporters.prometheus[0].listen_ip: 'listen_ip' is not read by the Prometheus exporter (KrakenD ignores it too): write the address in 'host'")]
    [InlineData("""{"exporters": {"prometheus": [{"name": "p", "histograms": []}]}}""", ".exporters.prometheus[0].histograms: unknown key 'histograms': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"exporters": {"zipkin": []}}""", ".exporters.zipkin: unknown key 'zipkin': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"exporters": {"otlp": [1]}}""", ".exporters.otlp[0]: expected an object, got number 1")]
    [InlineData("""{"layers": {"global": {"semantic_convention": "1.20"}}}""", ".layers.global.semantic_convention: expected \"\" (KrakenD's default names) or \"1.27\", got \"1.20\"")]
    [InlineData("""{"layers": {"global": {"disable_stage": true}}}""", ".layers.global.disable_stage: unknown key 'disable_stage': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"layers": {"proxy": {"disable_propagation": true}}}""", ".layers.proxy.disable_propagation: unknown key 'disable_propagation': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"layers": {"backend": {"metrics": {"report_headers": true}}}}""", ".layers.backend.metrics.report_headers: unknown key 'report_headers': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"layers": {"backend": {"disable_metrics": true}}}""", ".layers.backend.disable_metrics: unknown key 'disable_metrics': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"layers": {"router": {}}}""", ".layers.router: unknown key 'router': refused, because Switchyard would not export what it asks for")]
    [InlineData("""{"layers": {"proxy": {"metrics_static_attributes": [{"value": "v"}]}}}""", ".layers.proxy.metrics_static_attributes[0].key: 'key' is required")]
    [InlineData("""{"layers": {"proxy": {"traces_static_attributes": [{"key": "k", "value": "1"}, {"key": "k", "value": "2"}]}}}""", ".layers.proxy.traces_static_attributes[1].key: attribute 'k' is given twice")]
    [InlineData("""{"layers": {"global": {"skip_headers": "X-A"}}}""", ".layers.global.skip_headers: expected an array of strings, got string \"X-A\"")]
    [InlineData("""{"sample_rate": 1}""", ".sample_rate: unknown key 'sample_rate': refused, because Switchyard would not export what it asks for")]
    public void Out_of_range_values_and_unknown_keys_are_errors_with_their_path(string telemetry, string error)
    {
        LoadErrors(ServiceWith(telemetry)).Should().Equal(NamespacePath + error);
    }

    [Fact]
    public void The_enterprise_security_namespace_is_refused()
    {
        LoadErrors("""{"version": 3, "extra_config": {"telemetry/opentelemetry-security": {}}}""").Should().ContainSingle()
            .Which.Should().StartWith("extra_config.telemetry/opentelemetry-security: 'telemetry/opentelemetry-security' (OpenTelemetry exporter authentication) is not served by Switchyard: refused");
    }
}

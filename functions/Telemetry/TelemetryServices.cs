using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Azure.Monitor.OpenTelemetry.Exporter;
using Switchyard.Core.Configuration;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// The OpenTelemetry SDK as <c>telemetry/opentelemetry</c> and the platform ask: a tracer provider when something receives
/// traces, a meter provider when something receives pushed metrics, one Prometheus listener per Prometheus exporter.
/// Without the namespace and without Application Insights nothing is built and nothing listens, so every span and
/// instrument of the gateway stays a no-op.
/// </summary>
internal static class TelemetryServices
{
    // The HttpClient's own client spans and metrics (System.Net.Http, semantic conventions built in): KrakenD's backend
    // round trip.
    private const string HttpClientSource = "System.Net.Http";

    private static readonly string[] HttpClientGauges = ["http.client.active_requests", "http.client.open_connections"];

    /// <summary>
    /// The options telemetry runs with: the file's, else, when only Application Insights asks, the defaults with the
    /// service named as <c>service_name</c>'s default would name it.
    /// </summary>
    public static OpenTelemetryOptions? OptionsFor(ServiceConfig config, string? appInsights) =>
        config.OpenTelemetry ?? (appInsights is null ? null
            : config.Name.Length > 0 ? new OpenTelemetryOptions { ServiceName = config.Name } : new OpenTelemetryOptions());

    /// <summary>Registers the providers and the global layer; nothing when telemetry is off.</summary>
    public static void Add(WebApplicationBuilder builder, ServiceConfig config, string? appInsights)
    {
        if (OptionsFor(config, appInsights) is not { } options)
        {
            return;
        }

        builder.Services.AddSingleton(new GlobalTelemetryLayer(config, options));
        var meters = MetersOf(config, options);
        builder.Services.AddSingleton(new PrometheusListeners(options, meters));
        builder.Services.AddHostedService(services => services.GetRequiredService<PrometheusListeners>());

        var traced = options.Otlp.Where(exporter => !exporter.DisableTraces).ToList();
        var pushed = options.Otlp.Where(exporter => !exporter.DisableMetrics).ToList();
        if (traced.Count == 0 && pushed.Count == 0 && appInsights is null)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => TelemetryResource.Describe(resource, options));
        if (traced.Count > 0 || appInsights is not null)
        {
            telemetry.WithTracing(tracing =>
            {
                // The durable engine's own spans: an orchestration across its replays and processes, its activities.
                tracing.SetSampler(TraceSampling.For(options.TraceSampleRate))
                    .AddSource(GatewayTracing.SourceName, GatewayTracing.DurableTaskSourceName);
                if (RoundTrips(config, options, layer => layer.Traces))
                {
                    tracing.AddSource(HttpClientSource);
                }

                OtlpExporters.AddTraces(tracing, traced);
                if (appInsights is not null)
                {
                    tracing.AddAzureMonitorTraceExporter(azure => AzureMonitor.Configure(azure, appInsights));
                }
            });
        }

        if (pushed.Count > 0 || appInsights is not null)
        {
            telemetry.WithMetrics(metrics =>
            {
                AddMeters(metrics, meters);
                OtlpExporters.AddMetrics(metrics, pushed, options.MetricReportingPeriod);
                if (appInsights is not null)
                {
                    metrics.AddAzureMonitorMetricExporter(azure => AzureMonitor.Configure(azure, appInsights));
                }
            });
        }

        if (appInsights is not null)
        {
            telemetry.WithLogging(
                logging => logging.AddAzureMonitorLogExporter(azure => AzureMonitor.Configure(azure, appInsights)),
                // The message as the console shows it, not its template with the values apart.
                options => options.IncludeFormattedMessage = true);
        }
    }

    /// <summary>
    /// Subscribes <paramref name="metrics"/> to <paramref name="meters"/>, without the HttpClient's gauges of requests and
    /// connections in use: KrakenD's round trip reports durations, sizes and counts only, and each of those gauges moves
    /// twice per backend call.
    /// </summary>
    public static MeterProviderBuilder AddMeters(MeterProviderBuilder metrics, string[] meters)
    {
        metrics.AddMeter(meters);
        foreach (var gauge in HttpClientGauges)
        {
            metrics.AddView(gauge, MetricStreamConfiguration.Drop);
        }

        return metrics;
    }

    /// <summary>The meters exported: the gateway's, and the HttpClient's when a backend layer asks for its round trip.</summary>
    private static string[] MetersOf(ServiceConfig config, OpenTelemetryOptions options) =>
        RoundTrips(config, options, layer => layer.Metrics) ? [GatewayMetrics.MeterName, HttpClientSource] : [GatewayMetrics.MeterName];

    // Whether the service's backend layer, or a backend's own, reports the round trip of that signal.
    private static bool RoundTrips(ServiceConfig config, OpenTelemetryOptions options, Func<BackendLayerOptions, BackendSignalOptions> signal) =>
        ReportsRoundTrip(signal(options.Backend)) || config.Endpoints.SelectMany(endpoint => endpoint.Backends)
            .Any(backend => backend.TelemetryBackend is { } own && ReportsRoundTrip(signal(own)));

    private static bool ReportsRoundTrip(BackendSignalOptions signal) => signal is { DisableStage: false, RoundTrip: true };
}

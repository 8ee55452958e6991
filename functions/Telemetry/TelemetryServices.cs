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

    // Its gauges of requests and connections in use: KrakenD's round trip reports durations, sizes and counts only, and
    // each of these moves twice on every backend call.
    private static readonly string[] HttpClientGauges = ["http.client.active_requests", "http.client.open_connections"];

    // KrakenD's detailed_connection (getting a connection, DNS, TLS): the HttpClient's connection metrics and the DNS
    // resolver's, and .NET's connection spans (setup, the wait for a connection, DNS lookup, socket connect, TLS
    // handshake). Each comes once per new connection, not per request.
    private static readonly string[] ConnectionInstruments = ["http.client.connection.duration", "http.client.request.time_in_queue"];
    private const string NameResolutionMeter = "System.Net.NameResolution";

    private static readonly string[] ConnectionSources =
    [
        "Experimental.System.Net.Http.Connections", "Experimental.System.Net.NameResolution",
        "Experimental.System.Net.Sockets", "Experimental.System.Net.Security",
    ];

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
                if (Reports(config, options, layer => layer.Traces, signal => signal.RoundTrip))
                {
                    tracing.AddSource(HttpClientSource);
                }

                if (Reports(config, options, layer => layer.Traces, signal => signal.RoundTrip && signal.DetailedConnection))
                {
                    tracing.AddSource(ConnectionSources);
                }

                if (Reports(config, options, layer => layer.Traces, signal => signal.ReadPayload))
                {
                    tracing.AddSource(GatewayTracing.PayloadSourceName);
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
                meters.AddTo(metrics);
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
    /// The meters exported: the gateway's, and the HttpClient's when a backend layer asks for its round trip, without its
    /// gauges, and without its connection metrics unless a layer asks for the connection's detail (then with the DNS
    /// resolver's as well).
    /// </summary>
    private static MeterSelection MetersOf(ServiceConfig config, OpenTelemetryOptions options)
    {
        if (!Reports(config, options, layer => layer.Metrics, signal => signal.RoundTrip))
        {
            return new MeterSelection([GatewayMetrics.MeterName], []);
        }

        return Reports(config, options, layer => layer.Metrics, signal => signal.RoundTrip && signal.DetailedConnection)
            ? new MeterSelection([GatewayMetrics.MeterName, HttpClientSource, NameResolutionMeter], HttpClientGauges)
            : new MeterSelection([GatewayMetrics.MeterName, HttpClientSource], [.. HttpClientGauges, .. ConnectionInstruments]);
    }

    // Whether the service's backend layer, or a backend's own, reports that part of the round trip for that signal.
    private static bool Reports(
        ServiceConfig config, OpenTelemetryOptions options, Func<BackendLayerOptions, BackendSignalOptions> signal, Func<BackendSignalOptions, bool> part) =>
        Reported(signal(options.Backend), part) || config.Endpoints.SelectMany(endpoint => endpoint.Backends)
            .Any(backend => backend.TelemetryBackend is { } own && Reported(signal(own), part));

    private static bool Reported(BackendSignalOptions signal, Func<BackendSignalOptions, bool> part) => !signal.DisableStage && part(signal);
}

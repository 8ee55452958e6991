using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// The <c>exporters.prometheus</c> entries: each serves <c>GET /metrics</c> on its own <c>host:port</c>, apart from the
/// gateway's port, as KrakenD does. Each has its own meter provider, because each chooses whether the process and
/// runtime metrics are in it, and its own small Kestrel server.
/// </summary>
/// <remarks>
/// Kestrel rather than the exporter's <c>HttpListener</c> host: <see cref="System.Net.HttpListener"/> answers 404 to a
/// request whose <c>Host</c> header names the machine otherwise than the configured host (a scraper that addresses a
/// pod by its DNS name while <c>host</c> is its address), and only its wildcard would listen on every interface. Kestrel
/// binds exactly the configured address and serves whatever name the scraper used, as KrakenD's Go server does; it
/// publishes under Native AOT like the gateway's own server.
/// </remarks>
/// <param name="meters">What every listener serves (the gateway's meter, the HttpClient's when asked).</param>
internal sealed class PrometheusListeners(OpenTelemetryOptions options, MeterSelection meters) : IHostedService, IAsyncDisposable
{
    // The .NET runtime's own meter (GC, thread pool, JIT, exceptions): KrakenD's go_metrics, for this runtime.
    private const string RuntimeMeter = "System.Runtime";

    private const string ScrapePath = "/metrics";

    private readonly List<(MeterProvider Metrics, WebApplication Server)> _listeners = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var exporter in options.Prometheus.Where(exporter => !exporter.DisableMetrics))
        {
            var metrics = MetricsOf(exporter);

            // Production, quiet: its own log would repeat the gateway's start lines; a port in use throws from StartAsync.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
            builder.Logging.ClearProviders();

            // An empty host listens on every interface, as KrakenD's exporter does.
            var host = exporter.Host.Length == 0 ? "*" : OtlpExporters.HostText(exporter.Host);
            builder.WebHost.UseUrls($"http://{host}:{exporter.Port}");
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
            var server = builder.Build();
            server.UseOpenTelemetryPrometheusScrapingEndpoint(metrics, predicate: null, ScrapePath, configureBranchedPipeline: null, optionsName: null);
            _listeners.Add((metrics, server));
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, server) in _listeners)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (metrics, server) in _listeners)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            metrics.Dispose();
        }

        _listeners.Clear();
    }

    private MeterProvider MetricsOf(PrometheusExporterOptions exporter)
    {
        var metrics = meters.AddTo(
            Sdk.CreateMeterProviderBuilder().SetResourceBuilder(TelemetryResource.Describe(ResourceBuilder.CreateDefault(), options)));
        if (exporter.RuntimeMetrics)
        {
            metrics.AddMeter(RuntimeMeter);
        }

        if (exporter.ProcessMetrics)
        {
            metrics.AddProcessInstrumentation();
        }

        return metrics.AddPrometheusExporter().Build();
    }
}

using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// The <c>exporters.prometheus</c> entries: each serves <c>/metrics</c> on its own <c>host:port</c>, apart from the
/// gateway's port, as KrakenD does. Each has its own meter provider, because each chooses whether the process and
/// runtime metrics are in it.
/// </summary>
/// <remarks>
/// The exporter's own <c>HttpListener</c> host serves the page: it needs no second Kestrel server and no ASP.NET Core
/// routing, and <see cref="System.Net.HttpListener"/> is fully managed on Linux, so it publishes under Native AOT
/// without a warning (the check in the README's AOT section covers it).
/// </remarks>
internal sealed class PrometheusListeners(OpenTelemetryOptions options) : IHostedService, IDisposable
{
    // The .NET runtime's own meter (GC, thread pool, JIT, exceptions): KrakenD's go_metrics, for this runtime.
    private const string RuntimeMeter = "System.Runtime";

    private readonly List<MeterProvider> _providers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var exporter in options.Prometheus.Where(exporter => !exporter.DisableMetrics))
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(TelemetryResource.Describe(ResourceBuilder.CreateDefault(), options))
                .AddMeter(GatewayMetrics.MeterName);
            if (exporter.RuntimeMetrics)
            {
                metrics.AddMeter(RuntimeMeter);
            }

            if (exporter.ProcessMetrics)
            {
                metrics.AddProcessInstrumentation();
            }

            // An empty host listens on every interface, as KrakenD's exporter does.
            metrics.AddPrometheusHttpListener(listener =>
            {
                listener.Host = exporter.Host.Length == 0 ? "+" : OtlpExporters.HostText(exporter.Host);
                listener.Port = exporter.Port;
            });
            _providers.Add(metrics.Build());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _providers.Clear();
    }
}

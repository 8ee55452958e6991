using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Core.FanOut;
using Switchyard.Functions.Admin;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.FanOut;

/// <summary>
/// Runs the gateway's fan-out agents beside the HTTP server and hands them to the management API. Without static
/// subscriptions, stored ones or an admin secret (through which subscriptions could be added) nothing is created.
/// </summary>
internal sealed class FanOutHost : IHostedService, IAsyncDisposable
{
    private readonly HttpClient? _http;

    public FanOutHost(ServiceConfig config, TimeProvider time, ILoggerFactory loggers)
    {
        var settings = FanOutSettings.From(config);
        var store = new SubscriptionStore(settings.StorePath);
        if (settings.Static.Count == 0 && AdminSecret.From(config) is null && store.Load().Count == 0)
        {
            return;
        }

        var logger = loggers.CreateLogger("Switchyard.FanOut");
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // EventApiClient bounds each post itself.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Agents = new FanOutAgents(settings.Static, store, new EventApiClient(_http), time,
            (level, name, message, exception) => logger.Log(AgentHostService.ToLogLevel(level), exception, "[FANOUT: {Subscription}] {Message}", name, message));
        logger.LogInformation("fan-out: {Count} subscription(s), store {Store}", Agents.Subscriptions().Count, store.Path);
    }

    /// <summary>The agents, or null when the gateway has none and no way to add any.</summary>
    public FanOutAgents? Agents { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Agents?.StartAsync() ?? Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Agents?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // The container disposes it twice (as the singleton and as the hosted service): both disposals are idempotent.
        if (Agents is not null)
        {
            await Agents.DisposeAsync().ConfigureAwait(false);
        }

        _http?.Dispose();
    }
}

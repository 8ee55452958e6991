using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Agents.Memory;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Health;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience;
using Switchyard.Core.Security.Tls;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Durable;
using Switchyard.Functions.FanOut;
using Switchyard.Functions.Security;
using Switchyard.Functions.Serverless;
using Switchyard.Functions.Telemetry;
using Switchyard.Functions.Telemetry.Logging;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Builds the web application that serves a validated configuration: one listening socket, HTTPS only when <c>tls</c> is
/// active (<see cref="HttpsListener"/>), else plain HTTP; every backend call through the one client
/// <c>client_tls</c> configures.
/// </summary>
internal static class GatewayApp
{
    /// <param name="config">A configuration that passed validation.</param>
    /// <param name="url">
    /// Where Kestrel listens (<c>http://*:8080</c>, <c>https://*:8443</c> with an active <c>tls</c>, or port 0 in tests).
    /// </param>
    /// <param name="timeProvider">The clock of the health endpoint; the system clock by default.</param>
    /// <param name="serverless">Whether the Functions host runs the gateway; by default, whether it set its port variable.</param>
    /// <param name="configureLogging">Extra logging set-up (tests capture the log with it).</param>
    /// <param name="tls">The TLS files, read and checked by the caller; read here (and thrown on) when not given.</param>
    public static WebApplication Create(
        ServiceConfig config,
        string url,
        TimeProvider? timeProvider = null,
        ServerlessOptions? serverless = null,
        Action<ILoggingBuilder>? configureLogging = null,
        TlsSetup? tls = null)
    {
        serverless ??= ServerlessOptions.FromEnvironment();
        var https = HttpsListener.IsHttps(url);
        if (config.Tls is { IsActive: true } && !https && !serverless.UnderFunctionsHost)
        {
            throw new InvalidOperationException($"tls is active: the gateway listens on HTTPS only, not on {url}");
        }

        if (serverless.UnderFunctionsHost && FunctionsHostTls.Refusal(config) is { } refusal)
        {
            throw new InvalidOperationException(refusal.ToString());
        }

        tls ??= TlsSetup.Load(config, https).OrThrow();
        if (https && tls.Server is null)
        {
            throw new InvalidOperationException($"{url} asks for HTTPS and the configuration has no active tls");
        }

        // Production always: the developer exception page (stack traces to clients) must never be switched on by an
        // environment variable.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        if (!https)
        {
            builder.WebHost.UseUrls(url);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (https && tls.Server is { } server)
            {
                HttpsListener.Listen(kestrel, url, server);
            }

            ServerLimits.Apply(kestrel.Limits, config.Server);
        });
        // telemetry/logging's level, when given, is the least level of every category, these quieter ones included.
        var least = config.Logging is { } logging ? GatewayLogging.Apply(builder.Logging, logging) : LogLevel.Trace;
        var quiet = (LogLevel)Math.Max((int)LogLevel.Warning, (int)least);
        builder.Logging.AddFilter("Microsoft.AspNetCore", quiet);

        // Its only messages are each request's start and end at Information, below the quiet level; while it is enabled at
        // all, ASP.NET Core starts an activity and a log scope for every request to give those messages their trace.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        // The durable engine tells every queue poll and lease renewal at Information: its warnings and errors are enough.
        builder.Logging.AddFilter("DurableTask", quiet);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(timeProvider ?? TimeProvider.System);
        builder.Services.AddSingleton<AgentHealthRegistry>();
        builder.Services.AddSingleton(_ => tls);
        builder.Services.AddSingleton(_ => BackendHttpClient.Create(tls.Client, config.Transport));
        builder.Services.AddSingleton(services => new BackendStates(
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(services => new ProxyFactory(
            services.GetRequiredService<HttpMessageInvoker>(),
            DecoderRegistry.Default,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<DurableEngineHost>() is { } durable ? durable.RunWorkflowAsync : null,
            services.GetRequiredService<BackendStates>(),
            config.OpenTelemetry));
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(services => new JwkSources(
            services.GetRequiredService<TimeProvider>(),
            JwtLogBridge.For(services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchyard.Jwt")),
            GatewayIdentity.UserAgent));
        builder.Services.AddSingleton<MemoryBroker>();
        builder.Services.AddSingleton(serverless);
        builder.Services.AddSingleton<TriggerFeeds>();
        builder.Services.AddHostedService<AgentHostService>();
        builder.Services.AddSingleton<FanOutHost>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FanOutHost>());
        DurableServices.Add(builder.Services, config);
        TelemetryServices.Add(builder, config, AzureMonitor.ConnectionString());

        var app = builder.Build();
        var routes = GatewayRoutes.Build(config, app.Services);
        var dispatcher = GatewayDispatcher.Create(
            config, routes, app.Services.GetRequiredService<ILoggerFactory>(), app.Services.GetService<GlobalTelemetryLayer>());
        app.Run(dispatcher.DispatchAsync);
        return app;
    }
}

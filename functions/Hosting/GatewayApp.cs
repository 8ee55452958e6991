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
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.FanOut;
using Switchyard.Functions.Security;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Hosting;

/// <summary>Builds the web application that serves a validated configuration.</summary>
internal static class GatewayApp
{
    /// <param name="config">A configuration that passed validation.</param>
    /// <param name="url">Where Kestrel listens (<c>http://*:8080</c>, or port 0 in tests).</param>
    /// <param name="timeProvider">The clock of the health endpoint; the system clock by default.</param>
    /// <param name="serverless">Whether the Functions host runs the gateway; by default, whether it set its port variable.</param>
    /// <param name="configureLogging">Extra logging set-up (tests capture the log with it).</param>
    public static WebApplication Create(
        ServiceConfig config,
        string url,
        TimeProvider? timeProvider = null,
        ServerlessOptions? serverless = null,
        Action<ILoggingBuilder>? configureLogging = null)
    {
        // Production always: the developer exception page (stack traces to clients) must never be switched on by an
        // environment variable.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Go's default (http.DefaultMaxHeaderBytes, 1 MiB) rather than Kestrel's 32 KiB: a request KrakenD accepts
            // reaches the gateway's own checks, which answer an oversized token with 401, not 431.
            kestrel.Limits.MaxRequestHeadersTotalSize = 1 << 20;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(timeProvider ?? TimeProvider.System);
        builder.Services.AddSingleton<AgentHealthRegistry>();
        builder.Services.AddSingleton(_ => BackendHttpClient.Create());
        builder.Services.AddSingleton(services => new ProxyFactory(
            services.GetRequiredService<HttpMessageInvoker>(), DecoderRegistry.Default, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(services => new JwkSources(
            services.GetRequiredService<TimeProvider>(),
            JwtLogBridge.For(services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchyard.Jwt")),
            GatewayIdentity.UserAgent));
        builder.Services.AddSingleton<MemoryBroker>();
        builder.Services.AddSingleton(serverless ?? ServerlessOptions.FromEnvironment());
        builder.Services.AddSingleton<TriggerFeeds>();
        builder.Services.AddHostedService<AgentHostService>();
        builder.Services.AddSingleton<FanOutHost>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FanOutHost>());

        var app = builder.Build();
        var routes = GatewayRoutes.Build(config, app.Services);
        var dispatcher = new GatewayDispatcher(routes);
        app.Run(dispatcher.DispatchAsync);
        return app;
    }
}

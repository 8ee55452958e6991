using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Health;
using Switchyard.Functions.BuiltIn;
using Switchyard.Functions.Routing;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.BuiltIn;

/// <summary>
/// A gateway reduced to its router and built-in endpoints on a real Kestrel server: one terminal handler that
/// looks the request up in a <see cref="RouteTable{T}"/> and dispatches, as the host does.
/// </summary>
internal sealed class BuiltInGateway : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private BuiltInGateway(LoopbackServer server, HttpClient client)
    {
        _server = server;
        Client = client;
    }

    public HttpClient Client { get; }

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<BuiltInGateway> StartAsync(
        AgentHealthRegistry? agents = null,
        TimeProvider? time = null,
        ILoggerProvider? logs = null)
    {
        time ??= TimeProvider.System;
        agents ??= new AgentHealthRegistry(time);
        var server = await LoopbackServer.StartAsync(
            services =>
            {
                var health = new HealthEndpoint(agents, time);
                var debug = new DebugEndpoint(services.GetRequiredService<ILogger<DebugEndpoint>>());
                var echo = new EchoEndpoint();
                var table = new RouteTable<RequestDelegate>(
                [
                    new("GET", HealthEndpoint.DefaultPath, health.HandleAsync),
                    new(RouteMethods.Any, DebugEndpoint.Pattern, debug.HandleAsync),
                    new(RouteMethods.Any, EchoEndpoint.Pattern, echo.HandleAsync),
                    new("GET", "/users/{id}", context => context.Response.WriteAsync("user")),
                ]);
                return context => DispatchAsync(table, context);
            },
            services =>
            {
                if (logs is not null)
                {
                    services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
                }
            });
        return new BuiltInGateway(server, server.CreateClient());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }

    private static Task DispatchAsync(RouteTable<RequestDelegate> table, HttpContext context)
    {
        var match = table.Match(context.Request.Method, RequestTarget.From(context.Request));
        return match.Kind == RouteMatchKind.Found
            ? match.Value!(context)
            : RouterResponses.WriteUnmatchedAsync(context, match);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Admin;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Routing;
using RouteHandler = Switchyard.Functions.Hosting.RouteHandler;

namespace Switchyard.Functions.Durable;

/// <summary>The status routes of durable flows (<c>/__workflows/{id}</c>): only when the configuration has a durable pipe.</summary>
internal static class DurableRoutes
{
    /// <summary>Where a flow's status is served, followed by its id.</summary>
    public const string StatusPrefix = "/__workflows/";

    public static IEnumerable<RouteEntry<RouteHandler>> For(ServiceConfig config, IServiceProvider services)
    {
        if (services.GetService<DurableEngineHost>() is not { } engine)
        {
            yield break;
        }

        var endpoint = new FlowStatusEndpoint(engine, AdminSecret.From(config), services.GetRequiredService<ILogger<FlowStatusEndpoint>>());
        yield return new RouteEntry<RouteHandler>("GET", StatusPrefix + "{id}", endpoint.GetAsync);
        yield return new RouteEntry<RouteHandler>("DELETE", StatusPrefix + "{id}", endpoint.DeleteAsync);
    }
}

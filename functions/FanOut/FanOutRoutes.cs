using Microsoft.Extensions.DependencyInjection;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Admin;
using RouteHandler = Switchyard.Functions.Hosting.RouteHandler;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.FanOut;

/// <summary>The fan-out management API and control page: none unless an admin secret is configured.</summary>
internal static class FanOutRoutes
{
    public static IEnumerable<RouteEntry<RouteHandler>> For(ServiceConfig config, IServiceProvider services)
    {
        if (AdminSecret.From(config) is not { } secret || services.GetRequiredService<FanOutHost>().Agents is not { } agents)
        {
            yield break;
        }

        var api = new ManagementEndpoints(agents, secret);
        yield return new RouteEntry<RouteHandler>("GET", ControlPage.PagePattern, ControlPage.PageAsync);
        yield return new RouteEntry<RouteHandler>("GET", ControlPage.ScriptPattern, ControlPage.ScriptAsync);
        yield return new RouteEntry<RouteHandler>("GET", ManagementEndpoints.SubscriptionsPattern, api.ListAsync);
        yield return new RouteEntry<RouteHandler>("POST", ManagementEndpoints.SubscriptionsPattern, api.AddAsync);
        yield return new RouteEntry<RouteHandler>("DELETE", ManagementEndpoints.SubscriptionPattern, api.DeleteAsync);
        yield return new RouteEntry<RouteHandler>("GET", ManagementEndpoints.StatusPattern, api.StatusAsync);
        yield return new RouteEntry<RouteHandler>("POST", ManagementEndpoints.ControlPattern, api.ControlAsync);
    }
}

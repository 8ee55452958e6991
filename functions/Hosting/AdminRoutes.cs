using Microsoft.Extensions.DependencyInjection;
using Switchyard.Core.Agents.Memory;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Admin;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>The admin endpoints: none unless an admin secret is configured.</summary>
internal static class AdminRoutes
{
    public static IEnumerable<RouteEntry<RouteHandler>> For(ServiceConfig config, IServiceProvider services)
    {
        if (AdminSecret.From(config) is not { } secret || !config.AsyncAgents.Any(agent => agent.Memory is not null))
        {
            yield break;
        }

        var agents = config.AsyncAgents.ToDictionary(agent => agent.Name, StringComparer.Ordinal);
        var publish = new PublishEndpoint(agents, services.GetRequiredService<MemoryBroker>(), secret);
        yield return new RouteEntry<RouteHandler>("POST", PublishEndpoint.Pattern, publish.HandleAsync);
    }
}

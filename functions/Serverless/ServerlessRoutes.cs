using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Routing;
using RouteHandler = Switchyard.Functions.Hosting.RouteHandler;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// The routes the Functions host calls: <c>POST /{function}</c> for every agent a trigger feeds, and the readiness
/// probe <c>GET /</c> unless an endpoint of the configuration already answers there. A path the configuration's
/// endpoints already own is not taken over: the conflict is logged, and the endpoint keeps it.
/// </summary>
internal static class ServerlessRoutes
{
    /// <param name="config">The configuration.</param>
    /// <param name="services">The app's services.</param>
    /// <param name="existing">The routes of the endpoints and built-ins, to leave alone.</param>
    public static List<RouteEntry<RouteHandler>> For<T>(ServiceConfig config, IServiceProvider services, RouteTable<T> existing)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchyard.Serverless");
        var feeds = services.GetRequiredService<TriggerFeeds>();
        var entries = new List<RouteEntry<RouteHandler>>();
        if (existing.Match("GET", ReadinessProbe.Path).Kind != RouteMatchKind.Found)
        {
            entries.Add(new RouteEntry<RouteHandler>("GET", ReadinessProbe.Path, ReadinessProbe.HandleAsync));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var agent in config.AsyncAgents)
        {
            if (FunctionTriggers.TypeOf(agent) is null)
            {
                continue;
            }

            var path = "/" + FunctionNames.For(agent);
            if (existing.Match("POST", path).Kind == RouteMatchKind.Found || !taken.Add(path))
            {
                logger.LogError("[AGENT: {Agent}] POST {Path} is already taken: the agent's function cannot be invoked", agent.Name, path);
                continue;
            }

            var endpoint = new InvocationEndpoint(agent, feeds.For(agent), logger);
            entries.Add(new RouteEntry<RouteHandler>("POST", path, endpoint.HandleAsync));
        }

        return entries;
    }
}

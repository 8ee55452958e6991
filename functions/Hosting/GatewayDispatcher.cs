using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The gateway's only middleware: looks the request up in the route table and runs what it finds, or answers as the
/// router does (404, 405 with the configured <c>error_body</c>, redirects).
/// </summary>
internal sealed class GatewayDispatcher(RouteTable<RouteHandler> routes, RouterErrorBodies? errorBodies = null)
{
    public Task DispatchAsync(HttpContext context)
    {
        var target = RequestTarget.From(context.Request);
        var match = routes.Match(context.Request.Method, target);
        return match.Kind == RouteMatchKind.Found
            ? match.Value!(context, match.Parameters)
            : RouterResponses.WriteUnmatchedAsync(context, match, errorBodies);
    }
}

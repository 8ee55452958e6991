using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.Hosting;

/// <summary>What a route of the gateway leads to: a handler that also receives the route's parameters.</summary>
internal delegate Task RouteHandler(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters);

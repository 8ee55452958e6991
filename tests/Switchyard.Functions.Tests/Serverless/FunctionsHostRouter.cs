using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>
/// Chooses the HTTP function of a request as the Functions host does, since the host cannot run here: it loads the
/// functions ordered by name (ordinal, ignoring case), refuses a route starting with <c>admin</c> or <c>runtime</c> and
/// a second function on the same route with a shared method, and maps each to an ASP.NET Core <see cref="Route"/> with
/// an <c>httpMethod</c> constraint (<c>head</c> added where <c>get</c> is) in one <see cref="RouteCollection"/>, where
/// the first route that matches wins: no precedence between templates, only the order of the names.
/// </summary>
internal sealed class FunctionsHostRouter
{
    private const string FunctionToken = "function";

    private readonly RouteCollection _routes = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddRouting().BuildServiceProvider();

    private FunctionsHostRouter()
    {
    }

    /// <summary>The router of the HTTP functions among a package's files.</summary>
    public static FunctionsHostRouter Of(IEnumerable<PackageFile> files)
    {
        var router = new FunctionsHostRouter();
        var resolver = router._services.GetRequiredService<IInlineConstraintResolver>();
        var loaded = new List<(string Name, string Route, string[] Methods)>();
        var functions = files
            .Where(f => f.Path.EndsWith("/" + PackageLayout.FunctionJson, StringComparison.Ordinal))
            .Select(f => (Name: f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)], Json: JsonNode.Parse(f.Content)!))
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, json) in functions)
        {
            if (json["bindings"]!.AsArray().SingleOrDefault(b => b!["type"]!.GetValue<string>() == "httpTrigger") is not { } trigger)
            {
                continue;
            }

            var route = trigger["route"]!.GetValue<string>();
            var methods = trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
            var trimmed = route.Trim('/').ToLowerInvariant();
            if (trimmed.StartsWith("admin", StringComparison.Ordinal) || trimmed.StartsWith("runtime", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{name}: the specified route conflicts with one or more built in routes");
            }

            if (loaded.FirstOrDefault(l => string.Equals(l.Route.Trim('/'), route.Trim('/'), StringComparison.OrdinalIgnoreCase)
                && l.Methods.Intersect(methods, StringComparer.OrdinalIgnoreCase).Any()) is { Name: { } other })
            {
                throw new InvalidOperationException($"{name}: the route specified conflicts with the route defined by function '{other}'");
            }

            loaded.Add((name, route, methods));
            var constraintMethods = methods.Contains("get", StringComparer.OrdinalIgnoreCase) && !methods.Contains("head", StringComparer.OrdinalIgnoreCase)
                ? [.. methods, "head"]
                : methods;
            router._routes.Add(new Route(
                new RouteHandler(_ => Task.CompletedTask),
                name,
                route,
                new RouteValueDictionary(),
                new Dictionary<string, object> { ["httpMethod"] = new HttpMethodRouteConstraint(constraintMethods) },
                new RouteValueDictionary { [FunctionToken] = name },
                resolver));
        }

        return router;
    }

    /// <summary>The function the host invokes for <paramref name="method"/> <paramref name="path"/>, or null (the host's 404).</summary>
    public async Task<string?> FunctionForAsync(string method, string path)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = method;
        context.Request.Path = path;
        var routing = new RouteContext(context);
        await _routes.RouteAsync(routing);
        return routing.Handler is null ? null : (string?)routing.RouteData.DataTokens[FunctionToken];
    }
}

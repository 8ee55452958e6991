using Switchyard.Core.Configuration;
using Switchyard.Functions.Routing;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The HTTP function of one endpoint, so that each endpoint has its own invocations, failures and durations in
/// Application Insights. One function per endpoint rather than per path: a KrakenD endpoint has one method and its
/// own pipeline, and two endpoints on one path with different methods do not conflict for the host.
/// </summary>
/// <param name="Name">The function's name (<see cref="FunctionNames.For(string, RoutePattern)"/>).</param>
/// <param name="Route">The trigger's route (<see cref="FunctionRoute"/>).</param>
/// <param name="Method">The endpoint's method, the trigger's only one.</param>
internal sealed record EndpointFunction(string Name, string Route, string Method)
{
    /// <summary>
    /// The functions of <paramref name="endpoints"/>, in the host's order (names compared ordinally without case).
    /// An endpoint that cannot have its own function is said in <paramref name="warnings"/>: its requests still reach
    /// the gateway through the catch-all function.
    /// </summary>
    public static IReadOnlyList<EndpointFunction> Of(IReadOnlyList<EndpointConfig> endpoints, List<string> warnings)
    {
        var candidates = new List<(EndpointConfig Endpoint, RoutePattern Pattern, string Route)>();
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var label = $"{endpoint.JsonPath}: {endpoint.Method} {endpoint.Endpoint}";
            RoutePattern pattern;
            try
            {
                pattern = RoutePattern.Parse(endpoint.Endpoint);
            }
            catch (ArgumentException exception)
            {
                warnings.Add($"{label} gets no function of its own: {exception.Message}");
                continue;
            }

            var route = FunctionRoute.Of(pattern);
            if (route.Template is not { } template)
            {
                warnings.Add($"{label} gets no function of its own: {route.Problem}");
                continue;
            }

            // The host compares routes without case or outer '/' and refuses a second function on the same route and method.
            if (!routes.Add((endpoint.Method, template.Trim('/').ToLowerInvariant())))
            {
                warnings.Add($"{label} gets no function of its own: the route '{template}' differs only in case or a final '/' from another "
                    + "endpoint's, which the host refuses; its requests reach the gateway through that endpoint's function");
                continue;
            }

            candidates.Add((endpoint, pattern, template));
        }

        // Every endpoint of a name two would share gets the hash, so no name depends on the order of the endpoints;
        // again while a hashed name meets a plain one.
        var names = candidates.Select(c => FunctionNames.For(c.Endpoint.Method, c.Pattern)).ToArray();
        var hashed = new bool[names.Length];
        while (Enumerable.Range(0, names.Length)
            .GroupBy(i => names[i], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .Where(i => !hashed[i])
            .ToList() is { Count: > 0 } shared)
        {
            foreach (var i in shared)
            {
                names[i] = FunctionNames.WithHash(names[i], candidates[i].Endpoint.Method, candidates[i].Endpoint.Endpoint);
                hashed[i] = true;
            }
        }

        return [.. candidates
            .Select((c, i) => new EndpointFunction(names[i], c.Route, c.Endpoint.Method))
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];
    }
}

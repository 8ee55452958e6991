namespace Switchyard.Functions.Routing;

/// <summary>
/// The gateway's router, built once from the configuration and matching every request the way KrakenD's gin
/// engine does: exact match first (on the cleaned path with RemoveExtraSlash); then, for the request's method only, a
/// redirect when the path matches with or without its trailing slash (RedirectTrailingSlash) or once cleaned and
/// matched ignoring case (RedirectFixedPath); then 405 when another method has the path (HandleMethodNotAllowed);
/// else 404. <see cref="RouterBehaviour"/> switches each step.
/// </summary>
/// <typeparam name="T">What a route leads to (a handler, an endpoint's pipeline...).</typeparam>
public sealed class RouteTable<T>
{
    private readonly Dictionary<string, MethodRoutes<T>> _byMethod = new(StringComparer.Ordinal);

    // gin lists the methods of a 405's Allow header in the order their trees were created.
    private readonly List<MethodRoutes<T>> _inRegistrationOrder = [];

    private readonly RouterBehaviour _behaviour;

    /// <summary>Builds the table.</summary>
    /// <param name="entries">The routes.</param>
    /// <param name="behaviour">How unmatched requests are answered; KrakenD's defaults when null.</param>
    /// <exception cref="ArgumentException">
    /// A method the router does not accept, a malformed pattern, or two routes of one method that land on the same
    /// path (<c>/users/{id}</c> and <c>/users/{name}</c>), which gin refuses as well.
    /// </exception>
    public RouteTable(IEnumerable<RouteEntry<T>> entries, RouterBehaviour? behaviour = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _behaviour = behaviour ?? RouterBehaviour.Default;
        foreach (var entry in entries)
        {
            var pattern = RoutePattern.Parse(entry.Pattern);
            if (entry.Method == RouteMethods.Any)
            {
                foreach (var method in RouteMethods.AnyExpansion)
                {
                    RoutesOf(method).Add(pattern, entry.Value);
                }
            }
            else if (RouteMethods.Endpoint.Contains(entry.Method) || entry.Method == RouteMethods.Options)
            {
                RoutesOf(entry.Method).Add(pattern, entry.Value);
            }
            else
            {
                throw new ArgumentException($"the route {entry.Method} {entry.Pattern} has a method the router does not accept", nameof(entries));
            }
        }

        foreach (var routes in _inRegistrationOrder)
        {
            routes.Freeze();
        }
    }

    /// <summary>Looks a request up.</summary>
    /// <param name="method">The request method, as sent (methods are case-sensitive).</param>
    /// <param name="path">The decoded request path (<see cref="RequestTarget.Path"/>).</param>
    /// <param name="queryString">The query with its <c>?</c>, or empty; a redirect keeps it.</param>
    public RouteMatch<T> Match(string method, string path, string? queryString = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/')
        {
            // Only an asterisk-form target ("OPTIONS *") gets here; no route or redirect can fit it.
            return RouteMatch<T>.NotFound;
        }

        if (_behaviour.RemoveExtraSlash)
        {
            path = CleanPath.Clean(path);
        }

        _byMethod.TryGetValue(method, out var routes);
        if (routes is not null)
        {
            if (routes.TryMatch(path, out var route, out var parameters))
            {
                return RouteMatch<T>.Found(route.Value, parameters);
            }

            if (path != "/" && method != "CONNECT" && FindFixedPath(routes, path) is { } fixedPath)
            {
                // Go's http.Redirect cleans the location too, so it can never become a protocol-relative "//host".
                var location = GoUrlEncoding.EscapePath(CleanPath.Clean(fixedPath)) + queryString;
                return RouteMatch<T>.Redirect(location, method == "GET" ? 301 : 307);
            }
        }

        if (!_behaviour.HandleMethodNotAllowed)
        {
            return RouteMatch<T>.NotFound;
        }

        string? allow = null;
        foreach (var other in _inRegistrationOrder)
        {
            if (other != routes && other.Contains(path))
            {
                allow = allow is null ? other.Method : allow + ", " + other.Method;
            }
        }

        return allow is null ? RouteMatch<T>.NotFound : RouteMatch<T>.MethodNotAllowed(allow);
    }

    /// <summary>Looks up a request by its <see cref="RequestTarget"/>: the decoded path, and the raw query a redirect keeps.</summary>
    public RouteMatch<T> Match(string method, RequestTarget target) =>
        Match(method, target.Path, target.RawQuery.Length == 0 ? null : "?" + target.RawQuery);

    private string? FindFixedPath(MethodRoutes<T> routes, string path)
    {
        var toggled = ToggleTrailingSlash(path);
        if (_behaviour.RedirectTrailingSlash && routes.Contains(toggled))
        {
            return toggled;
        }

        if (!_behaviour.RedirectFixedPath)
        {
            return null;
        }

        // gin's case-insensitive lookup also fixes the trailing slash, so the exact toggled path is found here too.
        if (routes.Contains(toggled))
        {
            return toggled;
        }

        var cleaned = CleanPath.Clean(path);
        return routes.FindIgnoringCase(cleaned)
            ?? (cleaned == "/" ? null : routes.FindIgnoringCase(ToggleTrailingSlash(cleaned)));
    }

    private static string ToggleTrailingSlash(string path) => path.EndsWith('/') ? path[..^1] : path + "/";

    private MethodRoutes<T> RoutesOf(string method)
    {
        if (!_byMethod.TryGetValue(method, out var routes))
        {
            routes = new MethodRoutes<T>(method);
            _byMethod.Add(method, routes);
            _inRegistrationOrder.Add(routes);
        }

        return routes;
    }
}

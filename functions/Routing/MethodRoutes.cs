using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchyard.Functions.Routing;

/// <summary>
/// The routes of one method (gin keeps one tree per method): fully static paths in a dictionary, everything in
/// a segment trie that the parameterised lookups, the trailing-slash check and the case-insensitive search walk.
/// </summary>
internal sealed class MethodRoutes<T>(string method)
{
    // Enough for any sane endpoint; deeper patterns fall back to a heap array.
    private const int StackCaptures = 16;

    private readonly Dictionary<string, Route<T>> _static = new(StringComparer.Ordinal);
    private readonly RouteNode<T> _root = new("");
    private int _maxParameters;

    public string Method { get; } = method;

    public void Add(RoutePattern pattern, T value)
    {
        var route = new Route<T>(pattern.Text, value, pattern.ParameterNames);
        var node = _root;
        foreach (var segment in pattern.Segments)
        {
            node = node.GetOrAdd(segment);
        }

        var existing = pattern.HasCatchAll ? node.CatchAll : node.Route;
        if (existing is not null)
        {
            throw new ArgumentException($"the route {Method} {pattern.Text} conflicts with {Method} {existing.Pattern}");
        }

        if (pattern.HasCatchAll)
        {
            node.CatchAll = route;
        }
        else
        {
            node.Route = route;
        }

        if (pattern.IsStatic)
        {
            _static.Add(pattern.Text, route);
        }

        _maxParameters = Math.Max(_maxParameters, pattern.ParameterNames.Count);
    }

    public void Freeze() => _root.Freeze();

    /// <summary>The exact, case-sensitive lookup.</summary>
    public bool TryMatch(string path, [NotNullWhen(true)] out Route<T>? route, out KeyValuePair<string, string>[] parameters)
    {
        parameters = [];
        if (_static.TryGetValue(path, out route))
        {
            return true;
        }

        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        Span<Range> captures = _maxParameters <= StackCaptures ? stackalloc Range[StackCaptures] : new Range[_maxParameters];
        if (!Walk(_root, path, 0, captures, 0, out route, out var count))
        {
            return false;
        }

        if (count > 0)
        {
            parameters = new KeyValuePair<string, string>[count];
            for (var i = 0; i < count; i++)
            {
                parameters[i] = new(route.ParameterNames[i], path[captures[i]]);
            }
        }

        return true;
    }

    public bool Contains(string path) => TryMatch(path, out _, out _);

    /// <summary>
    /// The path of a route that matches <paramref name="path"/> ignoring case, spelled as the route spells its static
    /// segments (parameters keep the request's text); null when there is none.
    /// </summary>
    public string? FindIgnoringCase(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return null;
        }

        var fixedPath = new StringBuilder(path.Length);
        return WalkIgnoringCase(_root, path, 0, fixedPath) ? fixedPath.ToString() : null;
    }

    // position is the index of the '/' that opens the next segment, or the path's length when all is consumed.
    private static bool Walk(RouteNode<T> node, string path, int position, Span<Range> captures, int captured, [NotNullWhen(true)] out Route<T>? route, out int count)
    {
        if (position == path.Length)
        {
            route = node.Route;
            count = captured;
            return route is not null;
        }

        var start = position + 1;
        var end = SegmentEnd(path, start);
        var segment = path.AsSpan(start, end - start);

        if (node.TryGetStatic(segment, out var child) && Walk(child, path, end, captures, captured, out route, out count))
        {
            return true;
        }

        if (node.Parameter is { } parameter && segment.Length > 0)
        {
            captures[captured] = new Range(start, end);
            if (Walk(parameter, path, end, captures, captured + 1, out route, out count))
            {
                return true;
            }
        }

        if (node.CatchAll is { } catchAll)
        {
            captures[captured] = new Range(position, path.Length);
            route = catchAll;
            count = captured + 1;
            return true;
        }

        route = null;
        count = 0;
        return false;
    }

    private static bool WalkIgnoringCase(RouteNode<T> node, string path, int position, StringBuilder fixedPath)
    {
        if (position == path.Length)
        {
            return node.Route is not null;
        }

        var start = position + 1;
        var end = SegmentEnd(path, start);
        var segment = path.AsSpan(start, end - start);

        // The exact spelling first, so a route that differs only elsewhere in the path keeps this segment's case.
        node.TryGetStatic(segment, out var exact);
        if (exact is not null && Descend(exact, exact.Literal, path, end, fixedPath))
        {
            return true;
        }

        foreach (var child in node.Statics)
        {
            if (child != exact && segment.Equals(child.Literal, StringComparison.OrdinalIgnoreCase)
                && Descend(child, child.Literal, path, end, fixedPath))
            {
                return true;
            }
        }

        if (node.Parameter is { } parameter && segment.Length > 0 && Descend(parameter, segment, path, end, fixedPath))
        {
            return true;
        }

        if (node.CatchAll is not null)
        {
            fixedPath.Append(path, position, path.Length - position);
            return true;
        }

        return false;
    }

    private static bool Descend(RouteNode<T> child, ReadOnlySpan<char> text, string path, int end, StringBuilder fixedPath)
    {
        var mark = fixedPath.Length;
        fixedPath.Append('/').Append(text);
        if (WalkIgnoringCase(child, path, end, fixedPath))
        {
            return true;
        }

        fixedPath.Length = mark;
        return false;
    }

    private static int SegmentEnd(string path, int start)
    {
        var slash = path.IndexOf('/', start);
        return slash < 0 ? path.Length : slash;
    }
}

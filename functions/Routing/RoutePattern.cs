namespace Switchyard.Functions.Routing;

/// <summary>A route pattern split into segments: <c>/users/{id}/*</c> is static <c>users</c>, parameter <c>id</c>, catch-all.</summary>
internal sealed class RoutePattern
{
    /// <summary>The name a final <c>/*</c> gets among the parameters.</summary>
    public const string CatchAllName = "*";

    private RoutePattern(string text, RouteSegment[] segments, bool catchAll, string[] parameterNames)
    {
        Text = text;
        Segments = segments;
        HasCatchAll = catchAll;
        ParameterNames = parameterNames;
    }

    public string Text { get; }

    /// <summary>The segments before a catch-all, each preceded by a <c>/</c> in the path.</summary>
    public IReadOnlyList<RouteSegment> Segments { get; }

    public bool HasCatchAll { get; }

    /// <summary>Parameter names in order, the catch-all last.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    public bool IsStatic => !HasCatchAll && ParameterNames.Count == 0;

    /// <summary>Parses <paramref name="pattern"/>; throws <see cref="ArgumentException"/> for what gin would refuse.</summary>
    public static RoutePattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length == 0 || pattern[0] != '/')
        {
            throw new ArgumentException($"the route pattern '{pattern}' must start with '/'", nameof(pattern));
        }

        var catchAll = pattern.EndsWith("/*", StringComparison.Ordinal);
        var body = catchAll ? pattern[..^2] : pattern;
        if (body.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"the route pattern '{pattern}' may hold '*' only as its last segment, after a '/'", nameof(pattern));
        }

        var segments = new List<RouteSegment>();
        var names = new List<string>();
        if (body.Length > 0)
        {
            foreach (var text in body[1..].Split('/'))
            {
                var segment = RouteSegment.Parse(text);
                if (segment.IsParameter)
                {
                    names.Add(segment.Text);
                }

                segments.Add(segment);
            }
        }

        if (catchAll)
        {
            names.Add(CatchAllName);
        }

        return new RoutePattern(pattern, [.. segments], catchAll, [.. names]);
    }
}

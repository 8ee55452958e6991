using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration;

/// <summary>Reads the route template of an endpoint (<c>/users/{id}/*</c>).</summary>
internal static partial class EndpointRoute
{
    /// <summary>The names of the <c>{name}</c> segments, in order.</summary>
    public static IReadOnlyList<string> Params(string endpoint)
    {
        var matches = ParamPattern().Matches(endpoint);
        var names = new string[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            names[i] = matches[i].Groups[1].Value;
        }

        return names;
    }

    /// <summary>
    /// The route with parameter names erased (<c>/users/{}</c>): two endpoints with the same key and method
    /// would answer the same requests, as the router cannot tell <c>{id}</c> from <c>{name}</c>.
    /// </summary>
    public static string Key(string endpoint) => ParamPattern().Replace(endpoint, "/{}");

    /// <summary>True for a segment such as <c>{id}</c>.</summary>
    public static bool IsParamSegment(ReadOnlySpan<char> segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[^1] == '}' && IsParamName(segment[1..^1]);

    private static bool IsParamName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    // Params are whole segments: lura's strict REST pattern.
    [GeneratedRegex(@"/\{([a-zA-Z0-9_\-]+)\}")]
    private static partial Regex ParamPattern();
}

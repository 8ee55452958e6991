using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration;

/// <summary>The <c>{x}</c> placeholders of a backend <c>url_pattern</c>, which may appear anywhere, query included.</summary>
internal static partial class UrlPatternPlaceholders
{
    /// <summary>The distinct placeholder names, in order of first appearance.</summary>
    public static IReadOnlyList<string> Names(string urlPattern)
    {
        var names = new List<string>();
        foreach (Match match in Pattern().Matches(urlPattern))
        {
            var name = match.Groups[1].Value;
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The placeholder syntax, shared by validation and the request builder: group 1 is the name.</summary>
    [GeneratedRegex(@"\{([a-zA-Z0-9_\-.:/]+)\}")]
    internal static partial Regex Pattern();
}

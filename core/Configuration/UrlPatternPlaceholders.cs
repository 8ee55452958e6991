using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration;

/// <summary>The <c>{x}</c> placeholders of a backend <c>url_pattern</c>, which may appear anywhere, query included.</summary>
internal static partial class UrlPatternPlaceholders
{
    /// <summary>The distinct placeholder names, in order of first appearance.</summary>
    public static IReadOnlyList<string> Names(string urlPattern)
    {
        var names = new List<string>();
        foreach (Match match in PlaceholderPattern().Matches(urlPattern))
        {
            var name = match.Groups[1].Value;
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    [GeneratedRegex(@"\{([a-zA-Z0-9_\-.:/]+)\}")]
    private static partial Regex PlaceholderPattern();
}

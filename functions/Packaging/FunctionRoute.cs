using System.Text;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// An endpoint's path as an HTTP trigger's <c>route</c>: the ASP.NET Core route template the Functions host matches,
/// with no prefix (<c>host.json</c> sets <c>routePrefix</c> to empty). <c>/users/{id}</c> stays <c>users/{id}</c>, a
/// final <c>/*</c> becomes the catch-all parameter <c>{*rest}</c>, and braces inside a literal segment are doubled, as
/// the template syntax escapes them. The route only chooses the function: the host proxies the original request, and
/// the gateway's own router, not the template, decides which endpoint answers it.
/// </summary>
/// <param name="Template">The trigger's route, or null when the endpoint cannot have its own function.</param>
/// <param name="Problem">Why it cannot, or null.</param>
internal sealed record FunctionRoute(string? Template, string? Problem)
{
    /// <summary>The catch-all function's route: every path, <c>/</c> included.</summary>
    public const string CatchAll = "{*path}";

    /// <summary>
    /// The host refuses a function whose route, lower-cased and trimmed of <c>/</c>, starts with one of these: its own
    /// admin API and runtime routes live there.
    /// </summary>
    private static readonly string[] ReservedPrefixes = ["admin", "runtime"];

    public static FunctionRoute Of(RoutePattern pattern)
    {
        var template = new StringBuilder();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pattern.Segments.Count; i++)
        {
            var segment = pattern.Segments[i];
            template.Append(i > 0 ? "/" : "");

            if (segment.IsParameter)
            {
                template.Append('{').Append(ParameterName(segment.Text, names)).Append('}');
            }
            else if (segment.Text.Length == 0 && i < pattern.Segments.Count - 1)
            {
                return new FunctionRoute(null, "a route template cannot hold an empty segment ('//')");
            }
            else if (segment.Text.Contains('?', StringComparison.Ordinal))
            {
                return new FunctionRoute(null, "a route template cannot hold '?'");
            }
            else
            {
                template.Append(segment.Text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
            }
        }

        if (pattern.HasCatchAll)
        {
            template.Append(pattern.Segments.Count > 0 ? "/" : "").Append("{*").Append(ParameterName("rest", names)).Append('}');
        }

        var text = template.ToString();
        if (text.Length == 0)
        {
            return new FunctionRoute(null, "the host gives a function with an empty route its name as route, so '/' is served by the catch-all function");
        }

        var trimmed = text.Trim('/').ToLowerInvariant();
        return ReservedPrefixes.FirstOrDefault(p => trimmed.StartsWith(p, StringComparison.Ordinal)) is { } reserved
            ? new FunctionRoute(null, $"the host refuses routes starting with '{reserved}' (its own API), so the path is served by the catch-all function")
            : new FunctionRoute(text, null);
    }

    /// <summary>
    /// <paramref name="wanted"/> (or <c>p</c> when it is no valid template parameter name), followed by the first
    /// number that makes it unused in the template: the name only labels the host's route data, which a proxied
    /// request does not use.
    /// </summary>
    private static string ParameterName(string wanted, HashSet<string> used)
    {
        var stem = wanted.Length > 0 && wanted.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? wanted : "p";
        var name = stem;
        for (var n = 1; !used.Add(name); n++)
        {
            name = stem + n;
        }

        return name;
    }
}

namespace Switchyard.Core.Configuration;

/// <summary>
/// Builds the paths used in messages: <c>endpoints[2].backend[0].url_pattern</c>. Internally the root is the
/// empty string; it is shown as <see cref="ConfigProblem.RootPath"/>.
/// </summary>
internal static class JsonPaths
{
    public static string Property(string parent, string key)
    {
        // Namespaces such as github.com/devopsfaith/krakend/proxy hold dots, which would read as nesting.
        var segment = key.Length == 0 || key.AsSpan().IndexOfAny(".[]\" ") >= 0 ? $"[\"{key}\"]" : key;
        if (parent.Length == 0)
        {
            return segment[0] == '[' ? "$" + segment : segment;
        }

        return segment[0] == '[' ? parent + segment : parent + "." + segment;
    }

    public static string Index(string parent, int index) => $"{(parent.Length == 0 ? "$" : parent)}[{index}]";

    public static string Display(string path) => path.Length == 0 ? ConfigProblem.RootPath : path;

    public static bool IsSameOrInside(string path, string container) =>
        path.StartsWith(container, StringComparison.Ordinal)
        && (path.Length == container.Length || path[container.Length] is '.' or '[');
}

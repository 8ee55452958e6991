namespace Switchyard.Functions.Routing;

/// <summary>
/// gin's <c>cleanPath</c>, the first step of its fixed-path redirect: single slashes, no <c>.</c> elements, inner
/// <c>..</c> elements resolved, leading ones dropped; a trailing slash (or a final <c>.</c>/<c>..</c>) is kept as a slash.
/// </summary>
internal static class CleanPath
{
    public static string Clean(string path)
    {
        var elements = new List<string>();
        var trailing = false;
        foreach (var element in path.Split('/'))
        {
            trailing = element.Length == 0 || element is "." or "..";
            switch (element)
            {
                case "" or ".":
                    break;
                case "..":
                    if (elements.Count > 0)
                    {
                        elements.RemoveAt(elements.Count - 1);
                    }

                    break;
                default:
                    elements.Add(element);
                    break;
            }
        }

        if (elements.Count == 0)
        {
            return "/";
        }

        var cleaned = "/" + string.Join('/', elements);
        return trailing ? cleaned + "/" : cleaned;
    }
}

using System.Text;

namespace Switchyard.Core.Pipeline;

/// <summary>Writes a query string the way Go's <c>url.Values.Encode</c> does: keys sorted, values in order.</summary>
internal static class QueryString
{
    /// <summary>Appends <paramref name="query"/> to <paramref name="path"/>, with <c>&amp;</c> when it already has a query.</summary>
    public static string Append(string path, IReadOnlyDictionary<string, string[]> query)
    {
        if (query.Count == 0)
        {
            return path;
        }

        var keys = query.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);

        var builder = new StringBuilder(path, path.Length + 64);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var key in keys)
        {
            var escapedKey = Escape(key);
            foreach (var value in query[key])
            {
                builder.Append(separator).Append(escapedKey).Append('=').Append(Escape(value));
                separator = '&';
            }
        }

        return builder.ToString();
    }

    /// <summary>Go's <c>url.QueryEscape</c>: everything but unreserved characters is escaped, a space is <c>+</c>.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}

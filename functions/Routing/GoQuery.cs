namespace Switchyard.Functions.Routing;

/// <summary>
/// Go's <c>url.Values</c>: a raw query parsed the way <c>URL.Query()</c> does it, and re-encoded the way
/// <c>Values.Encode()</c> does it. Keys are kept in ordinal order, as Go sorts them when it encodes or marshals.
/// </summary>
public static class GoQuery
{
    /// <summary>
    /// Splits on <c>&amp;</c> only; pieces holding a <c>;</c> or an invalid escape are dropped (Go reports an error
    /// that <c>Query()</c> ignores); a key without <c>=</c> gets an empty value.
    /// </summary>
    /// <param name="rawQuery">The query without its <c>?</c>.</param>
    public static SortedDictionary<string, List<string>> Parse(string rawQuery)
    {
        var values = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var piece in rawQuery.Split('&'))
        {
            if (piece.Length == 0 || piece.Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals < 0 ? piece : piece[..equals];
            var rawValue = equals < 0 ? "" : piece[(equals + 1)..];
            if (!GoUrlEncoding.TryUnescape(rawKey, plusAsSpace: true, out var key)
                || !GoUrlEncoding.TryUnescape(rawValue, plusAsSpace: true, out var value))
            {
                continue;
            }

            if (!values.TryGetValue(key, out var list))
            {
                list = [];
                values.Add(key, list);
            }

            list.Add(value);
        }

        return values;
    }

    /// <summary><c>k=v&amp;k2=v2</c>, keys sorted, every key and value query-escaped; empty for no values.</summary>
    public static string Encode(SortedDictionary<string, List<string>> values)
    {
        var pairs = new List<string>();
        foreach (var (key, list) in values)
        {
            var escapedKey = GoUrlEncoding.QueryEscape(key);
            foreach (var value in list)
            {
                pairs.Add(escapedKey + "=" + GoUrlEncoding.QueryEscape(value));
            }
        }

        return string.Join('&', pairs);
    }
}

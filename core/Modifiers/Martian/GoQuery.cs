using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// Go's <c>url.ParseQuery</c> and <c>url.Values.Encode</c>, which martian uses to read and rewrite a query: pairs split on
/// <c>&amp;</c>, a pair with <c>;</c> or a bad escape dropped, <c>+</c> read as a space; written back with keys sorted
/// and every value escaped.
/// </summary>
internal static class GoQuery
{
    public static Dictionary<string, List<string>> Parse(string rawQuery)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0 || pair.Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (rawKey, rawValue) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            if (!TryUnescape(rawKey, out var key) || !TryUnescape(rawValue, out var value))
            {
                continue;
            }

            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(value);
        }

        return values;
    }

    public static string Encode(Dictionary<string, List<string>> values) =>
        values.Count == 0 ? "" : QueryString.Append("", values.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal))[1..];

    // Go's unescape in query mode: %XX decoded (UTF-8), '+' a space, a broken escape an error.
    private static bool TryUnescape(string text, out string result)
    {
        if (text.AsSpan().IndexOfAny('%', '+') < 0)
        {
            result = text;
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c != '%')
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text.Substring(i, char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1)));
                if (char.IsHighSurrogate(c))
                {
                    i++;
                }
            }
            else if (i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(text[i + 1]) << 4) | Uri.FromHex(text[i + 2])));
                i += 2;
            }
            else
            {
                result = "";
                return false;
            }
        }

        result = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }
}

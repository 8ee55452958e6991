using System.Text;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Percent-encodes values placed into a backend URL for the part of the URL they land in, so that no value from a
/// request can change the backend's host, add path segments, start a new query parameter or inject CR/LF.
/// </summary>
internal static class UrlValueEncoder
{
    // RFC 3986 pchar minus '/': a path value stays one segment. '%' is always encoded so a value cannot smuggle an
    // escape sequence; '?' and '#' are not pchars and are encoded too.
    private static readonly bool[] PathSafe = Table("!$&'()*+,;=:@");

    // RFC 3986 query characters minus the separators '&', '=', '+' (read as a space by many servers) and '#'.
    // '/', ':' and '@' stay readable, so "curl/8.6.0" is sent as it is.
    private static readonly bool[] QuerySafe = Table("!$'()*,;:@/?");

    /// <summary>Encodes a value for one path segment. A segment of only dots is encoded so it cannot climb the path.</summary>
    public static string PathSegment(string value)
    {
        if (value.Length > 0 && value.AsSpan().TrimStart('.').IsEmpty)
        {
            return value.Replace(".", "%2E", StringComparison.Ordinal);
        }

        return Encode(value, PathSafe);
    }

    /// <summary>Encodes a value for a query string name or value.</summary>
    public static string QueryComponent(string value) => Encode(value, QuerySafe);

    private static string Encode(string value, bool[] safe)
    {
        var firstUnsafe = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 128 || !safe[c])
            {
                firstUnsafe = i;
                break;
            }
        }

        if (firstUnsafe < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, firstUnsafe);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = firstUnsafe; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 128 && safe[c])
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? System.Text.Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                : System.Text.Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(HexDigits[utf8[b] >> 4]).Append(HexDigits[utf8[b] & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool[] Table(string extra)
    {
        var table = new bool[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = true;
        }

        for (var c = 'A'; c <= 'Z'; c++)
        {
            table[c] = true;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = true;
        }

        foreach (var c in "-._~" + extra)
        {
            table[c] = true;
        }

        return table;
    }
}

using System.Buffers;
using System.Text;

namespace Switchyard.Functions.Routing;

/// <summary>
/// Percent-encoding exactly as Go's <c>net/url</c> does it, because KrakenD's answers (redirect locations, the
/// echo endpoint's re-encoded query) carry Go's spelling: upper-case hex, <c>+</c> for a space in a query.
/// </summary>
public static class GoUrlEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    // Go's shouldEscape: unreserved characters never; the reserved ones that a path may hold, except '?'.
    private static readonly SearchValues<byte> PathSafe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~$&+,/:;=@"u8);

    private static readonly SearchValues<byte> QuerySafe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"u8);

    /// <summary>Go's <c>URL.EscapedPath</c> of a decoded path.</summary>
    public static string EscapePath(string path) => Escape(path, PathSafe, spaceAsPlus: false);

    /// <summary>Go's <c>url.QueryEscape</c>.</summary>
    public static string QueryEscape(string value) => Escape(value, QuerySafe, spaceAsPlus: true);

    /// <summary>
    /// Go's <c>url.PathUnescape</c> (<paramref name="plusAsSpace"/> false) or <c>url.QueryUnescape</c> (true).
    /// False when a <c>%</c> is not followed by two hex digits, which Go reports as an error.
    /// </summary>
    public static bool TryUnescape(string text, bool plusAsSpace, out string value)
    {
        if (text.AsSpan().IndexOfAny('%', plusAsSpace ? '+' : '%') < 0)
        {
            value = text;
            return true;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var source = bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes));
            var written = 0;
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                if (b == '%')
                {
                    if (i + 2 >= source.Length || !IsHex(source[i + 1]) || !IsHex(source[i + 2]))
                    {
                        value = text;
                        return false;
                    }

                    b = (byte)((HexValue(source[i + 1]) << 4) | HexValue(source[i + 2]));
                    i += 2;
                }
                else if (b == '+' && plusAsSpace)
                {
                    b = (byte)' ';
                }

                // Decoding in place is safe: the write position never passes the read position.
                source[written++] = b;
            }

            value = Encoding.UTF8.GetString(source[..written]);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static string Escape(string text, SearchValues<byte> safe, bool spaceAsPlus)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (!utf8.AsSpan().ContainsAnyExcept(safe))
        {
            return text;
        }

        var escaped = new StringBuilder(utf8.Length * 3);
        foreach (var b in utf8)
        {
            if (safe.Contains(b))
            {
                escaped.Append((char)b);
            }
            else if (b == ' ' && spaceAsPlus)
            {
                escaped.Append('+');
            }
            else
            {
                escaped.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }

        return escaped.ToString();
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

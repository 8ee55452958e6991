using System.Text;

namespace Switchyard.Core.Security.HttpSecurity;

/// <summary>
/// The HTTPS address a plain-HTTP request is redirected to: <c>https://</c>, the host, then the request's path and query
/// as sent, spelled as Go's <c>url.URL.String</c> spells them (unrolled/secure builds the address that way).
/// </summary>
internal static class HttpsLocation
{
    private const string UpperHex = "0123456789ABCDEF";

    /// <param name="host">The host to redirect to (with its port, if any).</param>
    /// <param name="target">The request's raw path and query, such as <c>/a?b=1</c>.</param>
    public static string Build(string host, string target)
    {
        var path = target.StartsWith('/') ? target : "/" + target;
        return "https://" + EscapeHost(host) + path;
    }

    // Go escapes a URL's host except for letters, digits, "-_.~", sub-delimiters, ':' and brackets (IPv6), and '<>"'.
    // A host taken from a proxy header is the client's text: this keeps '/', '@', '?' or '#' in it from reshaping the
    // address, and keeps bytes a header cannot carry out of the Location.
    private static string EscapeHost(string host)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(host);
        var escaped = new StringBuilder(utf8.Length);
        foreach (var b in utf8)
        {
            if (IsHostSafe(b))
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }

        return escaped.ToString();
    }

    private static bool IsHostSafe(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || "-_.~!$&'()*+,;=:[]<>\"".Contains((char)b, StringComparison.Ordinal);
}

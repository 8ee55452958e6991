using System.Globalization;
using System.Text;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>cookie.Modifier</c>: the request gets <c>name=value</c> added to its <c>Cookie</c> header; the response gets a
/// <c>Set-Cookie</c> with the attributes, written as Go's <c>http.Cookie.String()</c> writes them. The parts were
/// checked at load time (a token name, cookie characters in the value, no <c>;</c> in the attributes).
/// </summary>
internal sealed class CookieModifier : IRequestModifier, IResponseModifier
{
    private const string CookieHeader = "Cookie";

    private readonly string _pair;
    private readonly string _setCookie;

    private CookieModifier(string pair, string setCookie)
    {
        _pair = pair;
        _setCookie = setCookie;
    }

    /// <summary>The attributes of the cookie; <paramref name="expires"/> before the year 1601 is left out, as Go does.</summary>
    public static CookieModifier Create(
        string name, string value, string path, string domain, DateTimeOffset? expires, bool secure, bool httpOnly, int maxAge)
    {
        var pair = name + "=" + value;
        var setCookie = new StringBuilder(pair);
        if (path.Length > 0)
        {
            setCookie.Append("; Path=").Append(path);
        }

        if (domain.Length > 0)
        {
            setCookie.Append("; Domain=").Append(domain.TrimStart('.'));
        }

        if (expires is { } at && at.UtcDateTime.Year >= 1601)
        {
            setCookie.Append("; Expires=").Append(at.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
        }

        if (maxAge != 0)
        {
            setCookie.Append("; Max-Age=").Append(Math.Max(maxAge, 0).ToString(CultureInfo.InvariantCulture));
        }

        if (httpOnly)
        {
            setCookie.Append("; HttpOnly");
        }

        if (secure)
        {
            setCookie.Append("; Secure");
        }

        return new CookieModifier(pair, setCookie.ToString());
    }

    public void ModifyRequest(MartianRequest request)
    {
        var existing = request.Headers.Get(CookieHeader);
        request.Headers.Set(CookieHeader, existing.Length == 0 ? _pair : existing + "; " + _pair);
    }

    public void ModifyResponse(MartianResponse response) => response.Headers.Add("Set-Cookie", _setCookie);
}

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>url.Filter</c>'s condition: every part given (scheme, host, decoded path, raw query) equals the request URL's; a
/// host may use <c>*</c> for whole labels (<c>*.example.com</c>). The response scope tests the request that was sent.
/// </summary>
internal sealed class UrlCondition(string scheme, string host, string path, string query) : IMessageCondition
{
    public bool Matches(MartianRequest request)
    {
        var url = request.Url;
        return (scheme.Length == 0 || scheme == url.Scheme)
            && (host.Length == 0 || MatchesHost(url.Host, host))
            && (path.Length == 0 || path == url.Path)
            && (query.Length == 0 || query == url.RawQuery);
    }

    public bool Matches(MartianResponse response) => Matches(response.Request);

    /// <summary>
    /// martian's host match, read from the right: equal characters, or a <c>*</c> that stands for one label. A leading
    /// <c>*</c> matches a first label of any length.
    /// </summary>
    public static bool MatchesHost(string host, string pattern)
    {
        if (host.Length == 0)
        {
            return false;
        }

        if (host == pattern)
        {
            return true;
        }

        var h = host.Length - 1;
        for (var p = pattern.Length - 1; p >= 0; p--)
        {
            if (pattern[p] == '*')
            {
                while (h > 0 && host[h] != '.')
                {
                    h--;
                }

                if (p == 0 && h == 0)
                {
                    return true;
                }

                continue;
            }

            if (host[h] != pattern[p])
            {
                return false;
            }

            if (h == 0)
            {
                return p == 0;
            }

            h--;
        }

        return false;
    }
}

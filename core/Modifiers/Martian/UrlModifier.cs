namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>url.Modifier</c>: overwrites the parts of the request URL it is given (scheme, host, path, whole raw query); empty
/// parts are left alone. The <c>Host</c> header stays the backend's, as in KrakenD. Request scope only. The values are
/// the operator's, checked at load time: scheme http or https, a host the backend host rules accept, an escaped path.
/// </summary>
/// <param name="scheme">The scheme, or empty.</param>
/// <param name="host">Host and optional port, or empty.</param>
/// <param name="rawPath">The path escaped as Go escapes <c>URL.Path</c>, or empty.</param>
/// <param name="rawQuery">The raw query, or empty.</param>
internal sealed class UrlModifier(string scheme, string host, string rawPath, string rawQuery) : IRequestModifier
{
    public void ModifyRequest(MartianRequest request)
    {
        var url = request.Url;
        if (scheme.Length > 0)
        {
            url.Scheme = scheme;
        }

        if (host.Length > 0)
        {
            url.Host = host;
        }

        if (rawPath.Length > 0)
        {
            url.RawPath = rawPath;
        }

        if (rawQuery.Length > 0)
        {
            url.RawQuery = rawQuery;
        }
    }
}

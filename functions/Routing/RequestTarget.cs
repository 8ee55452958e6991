using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Switchyard.Functions.Routing;

/// <summary>
/// The request line's target read the way Go's server reads it: KrakenD routes on the fully decoded path (a
/// <c>%2F</c> becomes a slash, which ASP.NET Core's <see cref="HttpRequest.Path"/> keeps encoded) and reports the
/// target byte for byte.
/// </summary>
/// <param name="RequestUri">The raw target as sent (Go's <c>RequestURI</c>): <c>/__echo/a?ua=curl/8.6.0</c>.</param>
/// <param name="Path">The decoded path (Go's <c>URL.Path</c>); an invalid escape is kept as written.</param>
/// <param name="RawQuery">The query as sent, without its <c>?</c> (Go's <c>URL.RawQuery</c>).</param>
public readonly record struct RequestTarget(string RequestUri, string Path, string RawQuery)
{
    /// <summary>Reads the target of <paramref name="request"/>.</summary>
    public static RequestTarget From(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            // Absolute-form or asterisk-form targets (rare outside proxies): fall back to what ASP.NET Core parsed.
            var rawPath = request.PathBase.Add(request.Path).ToUriComponent();
            var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
            return new RequestTarget(rawTarget ?? rawPath, Decode(rawPath), query);
        }

        var mark = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return mark < 0
            ? new RequestTarget(rawTarget, Decode(rawTarget), "")
            : new RequestTarget(rawTarget, Decode(rawTarget[..mark]), rawTarget[(mark + 1)..]);
    }

    private static string Decode(string rawPath)
    {
        GoUrlEncoding.TryUnescape(rawPath, plusAsSpace: false, out var path);
        return path;
    }
}

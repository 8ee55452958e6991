using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.Routing;

/// <summary>
/// What the router answers when a request reaches no route: gin's plain-text 404 and 405, or the router's JSON
/// <c>error_body</c> (marked incomplete with <c>X-KrakenD-Completed: false</c>, as KrakenD's engine marks them), and Go's
/// <c>http.Redirect</c>.
/// </summary>
public static class RouterResponses
{
    /// <summary>The header KrakenD sets on endpoint responses: <c>true</c> only for complete ones.</summary>
    public const string CompletedHeader = "X-KrakenD-Completed";

    /// <summary>gin's content type for its default error bodies: no charset.</summary>
    public const string PlainText = "text/plain";

    private static readonly byte[] NotFoundBody = "404 page not found"u8.ToArray();
    private static readonly byte[] MethodNotAllowedBody = "405 method not allowed"u8.ToArray();

    /// <summary>gin's JSON content type, for <c>error_body</c> answers.</summary>
    public const string Json = "application/json; charset=utf-8";

    /// <summary>Writes the answer for a lookup that did not find a route; a found route is a caller's bug.</summary>
    public static Task WriteUnmatchedAsync<T>(HttpContext context, RouteMatch<T> match, RouterErrorBodies? bodies = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        bodies ??= RouterErrorBodies.Plain;
        return match.Kind switch
        {
            RouteMatchKind.NotFound when bodies.NotFound is { } json => WriteAsync(context.Response, StatusCodes.Status404NotFound, Json, json),
            RouteMatchKind.NotFound => WriteNotFoundAsync(context.Response),
            RouteMatchKind.MethodNotAllowed when bodies.MethodNotAllowed is { } json => WriteMethodNotAllowedAsync(context.Response, match.Allow!, Json, json),
            RouteMatchKind.MethodNotAllowed => WriteMethodNotAllowedAsync(context.Response, match.Allow!, PlainText, MethodNotAllowedBody),
            RouteMatchKind.Redirect => WriteRedirectAsync(context, match.Location!, match.RedirectStatus),
            _ => throw new ArgumentException("a found route is dispatched, not answered by the router", nameof(match)),
        };
    }

    /// <summary>404 <c>404 page not found</c>.</summary>
    public static Task WriteNotFoundAsync(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WriteAsync(response, StatusCodes.Status404NotFound, PlainText, NotFoundBody);
    }

    /// <summary>405 with the <c>Allow</c> header gin sends (RFC 9110 requires it), whatever the body.</summary>
    private static Task WriteMethodNotAllowedAsync(HttpResponse response, string allow, string contentType, ReadOnlyMemory<byte> body)
    {
        response.Headers.Allow = allow;
        return WriteAsync(response, StatusCodes.Status405MethodNotAllowed, contentType, body);
    }

    /// <summary>
    /// Go's <c>http.Redirect</c>: the <c>Location</c>, and for GET a tiny HTML link body (HEAD gets its content
    /// type, other methods nothing).
    /// </summary>
    public static Task WriteRedirectAsync(HttpContext context, string location, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.Location = location;
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return Task.CompletedTask;
        }

        response.ContentType = "text/html; charset=utf-8";
        if (HttpMethods.IsHead(method))
        {
            return Task.CompletedTask;
        }

        var reason = status == StatusCodes.Status301MovedPermanently ? "Moved Permanently" : "Temporary Redirect";
        return response.WriteAsync($"<a href=\"{HtmlEscape(location)}\">{reason}</a>.\n\n");
    }

    private static Task WriteAsync(HttpResponse response, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers[CompletedHeader] = "false";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    // Go's html.EscapeString: five characters, quotes spelled numerically.
    private static string HtmlEscape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&#34;", StringComparison.Ordinal);
}

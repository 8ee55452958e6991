using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.FanOut;

/// <summary>
/// The control page at <c>/__agents</c>: static HTML and a vanilla script kept in the assembly (no build step, no file
/// to deploy beside the executable). It holds no secret: it asks for the admin secret and keeps it in the tab's
/// <c>sessionStorage</c>; the script writes every value through <c>textContent</c>, never as markup.
/// </summary>
internal static class ControlPage
{
    public const string PagePattern = "/__agents";
    public const string ScriptPattern = "/__agents/control.js";

    // Only the page's own script and calls: an injected value could not load or run anything else.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static Task PageAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        WriteAsync(context, "text/html; charset=utf-8", ControlPageHtml.Text);

    public static Task ScriptAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        WriteAsync(context, "text/javascript; charset=utf-8", ControlPageScript.Text);

    private static Task WriteAsync(HttpContext context, string contentType, string text)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}

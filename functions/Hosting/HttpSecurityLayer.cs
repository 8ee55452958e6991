using Microsoft.AspNetCore.Http;
using Switchyard.Core.Security.HttpSecurity;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The service's <c>security/http</c> layer: a host that is not allowed gets 500 <c>Bad Host</c> (unrolled/secure's
/// answer, which KrakenD sends), a plain-HTTP request under <c>ssl_redirect</c> gets 301 to its HTTPS address, and every
/// other answer carries the security headers.
/// </summary>
internal sealed class HttpSecurityLayer(HttpSecurityPolicy policy)
{
    private static readonly byte[] BadHostBody = "Bad Host\n"u8.ToArray();

    /// <summary>Sets the security headers and returns null, or answers the request when it must stop here.</summary>
    public Task? TryAnswer(HttpContext context, RequestTarget target)
    {
        var request = context.Request;
        var verdict = policy.Check(request.Headers.Host.ToString(), request.IsHttps, PathAndQuery(request, target), new RequestHeaders(request.Headers));
        switch (verdict.Outcome)
        {
            case HttpSecurityOutcome.BadHost:
                return WriteBadHostAsync(context);
            case HttpSecurityOutcome.RedirectToHttps:
                return RouterResponses.WriteRedirectAsync(context, verdict.Location!, StatusCodes.Status301MovedPermanently);
        }

        var headers = context.Response.Headers;
        foreach (var (name, value) in verdict.Headers)
        {
            headers[name] = value;
        }

        return null;
    }

    // Go's http.Error: plain text with a final newline, and nosniff.
    private static Task WriteBadHostAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = BadHostBody.Length;
        return response.Body.WriteAsync(BadHostBody, context.RequestAborted).AsTask();
    }

    // The path and query as sent; an absolute-form target keeps only its path and query.
    private static string PathAndQuery(HttpRequest request, RequestTarget target) =>
        target.RequestUri.StartsWith('/') ? target.RequestUri : request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString;
}

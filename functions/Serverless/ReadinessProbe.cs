using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// <c>GET /</c> under the Functions host: the host polls it every 25 ms after starting the handler, and the first
/// answer tells it the handler is ready. Any answer would do (even a 404); a 200 <c>ok</c> says it plainly.
/// </summary>
internal static class ReadinessProbe
{
    public const string Path = "/";

    public static Task HandleAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("ok", context.RequestAborted);
    }
}

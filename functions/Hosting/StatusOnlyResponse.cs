using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// KrakenD's middleware rejections (JWT, bot detection, rate limits): a status with nothing else, an empty body with
/// <c>Content-Length: 0</c> and no <c>Content-Type</c>, <c>X-KrakenD-Completed</c> or <c>Cache-Control</c>.
/// </summary>
internal static class StatusOnlyResponse
{
    public static Task WriteAsync(HttpContext context, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentLength = 0;
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>Short plain-text answers for the client's own mistakes; never a stack trace.</summary>
internal static class ClientErrors
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers[RouterResponses.CompletedHeader] = "false";
        return response.WriteAsync(message, context.RequestAborted);
    }
}

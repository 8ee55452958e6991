using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Routing;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Turns the pipeline's answer into the HTTP response, with KrakenD's rules: any response (even with an error) is
/// rendered with 200; no response and an error answers the error's status or 500, with the error text only when the
/// router returns error messages (a policy's configured error body is always written); a <c>no-op</c> response is
/// streamed as the backend sent it.
/// </summary>
internal sealed class ResponseWriter(IOutputEncoder encoder, TimeSpan cacheTtl, bool returnErrorMessage) : IResponseWriter
{
    private readonly string? _cacheControl = cacheTtl > TimeSpan.Zero ? $"public, max-age={(long)cacheTtl.TotalSeconds}" : null;

    public Task WriteAsync(HttpContext context, ProxyResponse response)
    {
        if (response.Passthrough is { } upstream)
        {
            return PassthroughWriter.WriteAsync(context, upstream);
        }

        return response.IsEmpty && response.Error is { } error
            ? WriteErrorAsync(context, error)
            : WriteDataAsync(context, response);
    }

    private async Task WriteDataAsync(HttpContext context, ProxyResponse response)
    {
        var complete = response is { IsComplete: true, Data.Count: > 0 };
        using var buffer = new PooledBufferWriter();
        var contentType = encoder.Write(response.Data, context.Request.Headers.Accept.ToString(), buffer);

        var http = context.Response;
        http.StatusCode = StatusCodes.Status200OK;
        http.Headers[RouterResponses.CompletedHeader] = complete ? "true" : "false";
        if (complete && _cacheControl is not null)
        {
            http.Headers.CacheControl = _cacheControl;
        }

        http.ContentType = contentType;
        http.ContentLength = buffer.WrittenCount;
        await http.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private Task WriteErrorAsync(HttpContext context, ProxyError error)
    {
        var http = context.Response;
        http.StatusCode = error.StatusCode ?? StatusCodes.Status500InternalServerError;
        http.Headers[RouterResponses.CompletedHeader] = "false";
        if (!returnErrorMessage && !error.ExposeBody)
        {
            return Task.CompletedTask;
        }

        http.ContentType = error.ContentType ?? "text/plain; charset=utf-8";
        return http.WriteAsync(error.Body ?? error.Message, context.RequestAborted);
    }
}

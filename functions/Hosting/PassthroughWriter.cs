using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Streams a <c>no-op</c> backend's response to the client: its status, every header (repeated ones such as
/// <c>Set-Cookie</c> kept) and its body, untouched. Never complete, never cached.
/// </summary>
internal static class PassthroughWriter
{
    // Connection-level headers describe the backend's connection, not the client's.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "Trailer",
    };

    public static async Task WriteAsync(HttpContext context, HttpResponseMessage upstream)
    {
        using (upstream)
        {
            var http = context.Response;
            http.StatusCode = (int)upstream.StatusCode;
            foreach (var (name, values) in upstream.Headers.Concat(upstream.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    http.Headers.Append(name, values.ToArray());
                }
            }

            http.Headers[RouterResponses.CompletedHeader] = "false";
            await upstream.Content.CopyToAsync(http.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}

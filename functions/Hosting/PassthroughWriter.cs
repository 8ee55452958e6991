using System.Net.Http.Headers;
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
            Copy(upstream.Headers.NonValidated, http.Headers);
            Copy(upstream.Content.Headers.NonValidated, http.Headers);
            http.Headers[RouterResponses.CompletedHeader] = "false";
            await upstream.Content.CopyToAsync(http.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    // The values as the backend sent them: validating (parsing) each header would only cost time, and repeated
    // headers stay separate lines.
    private static void Copy(HttpHeadersNonValidated from, IHeaderDictionary to)
    {
        foreach (var (name, values) in from)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (values.Count == 1)
            {
                to.Append(name, values.ToString());
                continue;
            }

            var copied = new string[values.Count];
            var i = 0;
            foreach (var value in values)
            {
                copied[i++] = value;
            }

            to.Append(name, copied);
        }
    }
}

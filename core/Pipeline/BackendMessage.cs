using System.Diagnostics;

namespace Switchyard.Core.Pipeline;

/// <summary>Builds the <see cref="HttpRequestMessage"/> for a backend call from a fully built request.</summary>
internal static class BackendMessage
{
    /// <summary>The header a durable step's call carries so its backend can recognise a repeated call.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // Hop-by-hop and framing headers belong to one connection; HttpClient sets its own.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding",
        "Upgrade", "Host", "Content-Length", "Expect",
    };

    // The trace context the HTTP client writes for the current span. A client's own, forwarded by input_headers, would
    // win over it (the client never overwrites a header that is there) and attach the backend to the client's span.
    private static readonly HashSet<string> TraceContext = new(StringComparer.OrdinalIgnoreCase)
    {
        "traceparent", "tracestate", "baggage", "Request-Id", "Correlation-Context",
    };

    public static HttpRequestMessage Create(ProxyRequest request)
    {
        // Without a current span nothing is written, and a forwarded trace context goes on as any header does.
        var traced = Activity.Current is not null;
        var message = new HttpRequestMessage(MethodOf(request.Method), request.Url);
        if (!request.Body.IsEmpty || !IsBodiless(request.Method))
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (NotForwarded.Contains(name) || (traced && TraceContext.Contains(name)) || (request.IdempotencyKey is not null && name.Equals(IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        if (request.IdempotencyKey is { } key)
        {
            message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, key);
        }

        return message;
    }

    // The framework's shared instances for the usual methods: one less allocation per backend call.
    private static HttpMethod MethodOf(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        _ => new HttpMethod(method),
    };

    // Go sends "Content-Length: 0" for an empty POST, PUT or PATCH, and no body at all for these.
    private static bool IsBodiless(string method) => method is "GET" or "HEAD" or "DELETE" or "OPTIONS" or "TRACE";
}
